package io.newswatch.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A service's Prometheus metrics ({@code /q/metrics}), read as an operator's scraper would. */
final class Metrics {

    /** HTTP/1.1: the JDK client's h2c upgrade once read a large /q/metrics answer as HTTP/2 frames (a CI failure). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Metrics() {
    }

    /**
     * The sum of a metric's samples over the series whose labels include {@code labels}, e.g. the articles a
     * service processed with outcome "enriched" on every channel. 0 when there is no such series yet.
     */
    static double sum(String serviceUrl, String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : scrape(serviceUrl).split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    private static String scrape(String serviceUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the metrics of " + serviceUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
