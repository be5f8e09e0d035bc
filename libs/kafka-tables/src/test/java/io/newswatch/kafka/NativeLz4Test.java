package io.newswatch.kafka;

import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLz4Test {

    @Test
    void kafkasLz4CodecRunsNativelyOnceLoaded() throws Exception {
        assertThat(NativeLz4.load()).isTrue(); // the platforms newswatch runs on have a native build
        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());

        byte[] text = "{\"title\":\"Ein Beispiel\",\"body\":\"Ein Beispiel, noch ein Beispiel.\"}".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        var compression = Compression.lz4().build();
        ByteBufferOutputStream buffer = new ByteBufferOutputStream(1024);
        try (OutputStream out = compression.wrapForOutput(buffer, RecordBatch.CURRENT_MAGIC_VALUE)) {
            out.write(text);
        }
        ByteBuffer compressed = buffer.buffer().flip();
        assertThat(compressed.remaining()).isLessThan(text.length / 4);
        try (InputStream in = compression.wrapForInput(compressed, RecordBatch.CURRENT_MAGIC_VALUE,
                BufferSupplier.create())) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }
}
