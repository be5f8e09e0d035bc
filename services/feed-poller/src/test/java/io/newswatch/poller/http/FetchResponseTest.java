package io.newswatch.poller.http;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FetchResponseTest {

    private static final URI URL = URI.create("https://wire.example/feeds/latest");

    @Test
    void contentLocationIsTheBaseOfTheBody() {
        assertThat(response("https://static.wire.example/feeds/2024/main.xml").base())
                .isEqualTo(URI.create("https://static.wire.example/feeds/2024/main.xml"));
        assertThat(response("archive/main.xml").base()).as("relative to the URL")
                .isEqualTo(URI.create("https://wire.example/feeds/archive/main.xml"));
    }

    @Test
    void theUrlIsTheBaseWithoutAUsableContentLocation() {
        assertThat(response(null).base()).isEqualTo(URL);
        assertThat(response("javascript:alert(1)").base()).isEqualTo(URL);
        assertThat(response("http://[bad").base()).isEqualTo(URL);
    }

    private static FetchResponse response(String contentLocation) {
        return new FetchResponse(200, URL, new byte[0], "application/rss+xml", null, null, contentLocation,
                Optional.empty(), List.of(), 0, BodyMemory.unlimited().lease());
    }
}
