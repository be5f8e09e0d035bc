import io.newswatch.bench.CorpusGenerator;
import io.newswatch.contract.Json;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** lz4 of the bench corpus' articles as JSON in 64 KiB blocks (Kafka's lz4 block size): thread CPU per article, safe Java against JNI, alternated. */
public class Lz4Cost {
    public static void main(String[] args) {
        CorpusGenerator corpus = new CorpusGenerator(42);
        List<byte[]> blocks = new ArrayList<>();
        int articles = 4000;
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
        long bytes = 0;
        for (int i = 0; i < articles; i++) {
            var item = corpus.next();
            byte[] json = Json.encodeBytes(item);
            bytes += json.length;
            if (block.size() + json.length > 65536) { blocks.add(block.toByteArray()); block.reset(); }
            block.writeBytes(json);
        }
        blocks.add(block.toByteArray());
        System.out.printf("%d articles, %.0f bytes each, %d blocks%n", articles, bytes / (double) articles, blocks.size());
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 12; round++) {
            for (LZ4Factory f : new LZ4Factory[] {LZ4Factory.safeInstance(), LZ4Factory.nativeInstance()}) {
                LZ4Compressor c = f.fastCompressor();
                LZ4SafeDecompressor d = f.safeDecompressor();
                long t0 = mx.getCurrentThreadCpuTime();
                long sink = 0;
                for (byte[] b : blocks) {
                    byte[] out = new byte[c.maxCompressedLength(b.length)];
                    int n = c.compress(b, 0, b.length, out, 0, out.length);
                    byte[] back = new byte[b.length];
                    sink += d.decompress(out, 0, n, back, 0);
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (round >= 4) System.out.printf("round %d %s: %.2f us per article (compress + decompress), %d%n", round, f, (t1 - t0) / 1e3 / articles, sink);
            }
        }
    }
}
