import io.newswatch.poller.parse.*;
import java.lang.management.*;
import java.net.URI;
import java.nio.file.*;
import java.util.*;
/** ExtractBench DIR ROUNDS: thread CPU per page of ArticleExtractor.extract, the median and best of the last two thirds of the rounds. */
public class ExtractBench {
    public static void main(String[] a) throws Exception {
        List<byte[]> pages = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        try (var s = Files.list(Path.of(a[0]))) { for (Path p : s.sorted().toList()) { pages.add(Files.readAllBytes(p)); urls.add(URI.create("https://example.org/news/" + p.getFileName())); } }
        int rounds = Integer.parseInt(a[1]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ArticleExtractor ex = new ArticleExtractor();
        long sink = 0;
        List<Double> per = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < pages.size(); i++) sink += ex.extract(pages.get(i), Optional.empty(), urls.get(i)).text().length();
            double us = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / pages.size();
            per.add(us);
        }
        List<Double> tail = new ArrayList<>(per.subList(rounds / 3, rounds)); Collections.sort(tail);
        System.out.printf(Locale.ROOT, "%s pages=%d rounds=%d median %.1f us/page, best %.1f (sink %d)%n", a[0], pages.size(), rounds, tail.get(tail.size() / 2), tail.get(0), sink);
    }
}
