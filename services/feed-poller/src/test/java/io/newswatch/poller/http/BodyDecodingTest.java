package io.newswatch.poller.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyDecodingTest {

    private static final URI URL = URI.create("https://wire.example/rss.xml");
    private static final byte[] TEXT = "<rss>news</rss>".repeat(100).getBytes(StandardCharsets.UTF_8);

    /** An inflater that remembers whether it was ended (its native memory given back). */
    private static final class Counted extends Inflater {
        boolean ended;

        Counted(boolean nowrap) {
            super(nowrap);
        }

        @Override
        public void end() {
            ended = true;
            super.end();
        }
    }

    private final List<Counted> made = new CopyOnWriteArrayList<>();
    private final BodyDecoding decoding = new BodyDecoding(1 << 20, nowrap -> {
        Counted inflater = new Counted(nowrap);
        made.add(inflater);
        return inflater;
    });

    private static byte[] deflate(byte[] bytes, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(bytes);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    @Test
    void everyInflaterIsEndedForZlibAndRawDeflate() throws Exception {
        assertThat(decoding.decode(deflate(TEXT, false), "deflate", URL)).isEqualTo(TEXT);
        assertThat(decoding.decode(deflate(TEXT, true), "deflate", URL)).isEqualTo(TEXT);
        assertThat(made).hasSize(4).allMatch(inflater -> inflater.ended);
    }

    @Test
    void evenWhenTheBodyIsCorruptOrTooLarge() throws Exception {
        assertThatThrownBy(() -> decoding.decode(new byte[]{1, 2, 3, 4, 5}, "deflate", URL))
                .isInstanceOf(FetchException.class);
        BodyDecoding small = new BodyDecoding(100, nowrap -> {
            Counted inflater = new Counted(nowrap);
            made.add(inflater);
            return inflater;
        });
        assertThatThrownBy(() -> small.decode(deflate(TEXT, false), "deflate", URL))
                .hasMessage("the body from wire.example is larger than 100 bytes once decompressed");
        assertThat(made).isNotEmpty().allMatch(inflater -> inflater.ended);
    }
}
