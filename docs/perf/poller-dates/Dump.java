package io.newswatch.poller.parse;
import java.nio.file.*; import java.util.*; import java.net.URI;
/**
 * Every ParsedFeed of every file under a folder, one line each, to compare two builds' output (docs/perf/README.md,
 * "Poller, session 8"). Usage: java -cp CLASSES io.newswatch.poller.parse.Dump FOLDER ROUNDS > out.txt
 */
public class Dump {
  public static void main(String[] a) throws Exception {
    List<Path> files = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
    FeedParser p = new FeedParser();
    long t0 = 0; StringBuilder out = new StringBuilder();
    for (int round = 0; round < Integer.parseInt(a[1]); round++) {
      out.setLength(0);
      long start = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      for (Path f : files) {
        try { ParsedFeed r = p.parse(Files.readAllBytes(f), Optional.empty(), URI.create("http://example.test/feed"), () -> {});
          out.append(f).append('\t').append(r).append('\n');
        } catch (Exception e) { out.append(f).append("\tERR ").append(e.getMessage()).append('\n'); }
      }
      t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start;
      System.err.println("round " + round + " cpu ms " + t0/1e6);
    }
    System.out.print(out);
  }
}
