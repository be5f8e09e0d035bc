package io.newswatch.poller.parse;
import java.nio.file.*; import java.util.*; import java.net.URI;
/**
 * CPU per parse of one feed, warm: rounds of N parses, thread CPU (docs/perf/README.md, "Poller, session 8").
 * Usage: java -cp CLASSES io.newswatch.poller.parse.ParseBench FEED.xml PARSES ROUNDS
 */
public class ParseBench {
  public static void main(String[] a) throws Exception {
    byte[] body = Files.readAllBytes(Path.of(a[0]));
    int n = Integer.parseInt(a[1]);
    FeedParser p = new FeedParser();
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < Integer.parseInt(a[2]); round++) {
      long start = mx.getCurrentThreadCpuTime();
      int items = 0;
      for (int i = 0; i < n; i++) items += p.parse(body, Optional.empty(), URI.create("http://wire.example/feed"), () -> {}).items().size();
      System.out.printf("round %d: %.1f us per parse (%d items)%n", round, (mx.getCurrentThreadCpuTime() - start) / 1e3 / n, items / n);
    }
  }
}
