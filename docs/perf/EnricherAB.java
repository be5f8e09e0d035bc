// A/B of two (or more) builds of libs/tagging in ONE JVM, for a machine too busy for back-to-back runs: each build
// in its own class loader (with the enricher's bench classes and every other dependency shared by path), batches of
// the enricher bench's 3 KB articles alternated between them, and each batch's CPU per article read from the calling
// thread (tagging alone) and from the process (GC and JIT included), with the bytes it allocated. Medians printed.
// Usage (docs/perf/enricher-ab.sh wraps it): java docs/perf/EnricherAB.java CLASSPATH-FILE ENRICHER-TARGET BATCH
//        ROUNDS DETECT TAGGING-CLASSES-DIR...
// CLASSPATH-FILE: `./mvnw -pl services/enricher dependency:build-classpath -Dmdep.includeScope=test
// -Dmdep.outputFile=FILE`; its newswatch-tagging jar is replaced by each DIR in turn (DIR,FOLDING-DIR: the
// newswatch-text-folding jar too). -Dwarm=N warm-up batches.
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


public class EnricherAB {
    public static void main(String[] a) throws Exception {
        String base = Files.readString(Path.of(a[0])).trim();
        String enricher = a[1];
        int batch = Integer.parseInt(a[2]);
        int rounds = Integer.parseInt(a[3]);
        boolean detect = a.length > 4 + 0 && Boolean.parseBoolean(a[4]);
        List<String> dirs = Arrays.asList(a).subList(5, a.length);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var th = ManagementFactory.getThreadMXBean();
        List<Object> benches = new ArrayList<>();
        List<java.lang.reflect.Method> enrich = new ArrayList<>();
        for (String dir : dirs) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(enricher, "test-classes").toUri().toURL());
            urls.add(Path.of(enricher, "classes").toUri().toURL());
            String[] swap = dir.split(","); // TAGGING-DIR[,TEXT-FOLDING-DIR]
            for (String p : base.split(":")) {
                String path = p.contains("newswatch-tagging-0.1.0-SNAPSHOT.jar") ? swap[0]
                        : swap.length > 1 && p.contains("newswatch-text-folding-0.1.0-SNAPSHOT.jar") ? swap[1] : p;
                urls.add(Path.of(path).toUri().toURL());
            }
            var cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass("io.newswatch.enricher.bench.EnricherBenchmark");
            Object b = c.getConstructor().newInstance();
            Thread.currentThread().setContextClassLoader(cl);
            c.getMethod("setUp").invoke(b);
            if (detect) {
                var f = c.getDeclaredField("articles"); f.setAccessible(true);
                List<?> arts = (List<?>) f.get(b);
                List<Object> nulls = new ArrayList<>();
                for (Object art : arts) nulls.add(art.getClass().getMethod("withLanguage", String.class).invoke(art, (Object) null));
                f.set(b, nulls);
            }
            benches.add(b);
            enrich.add(c.getMethod("enrich"));
        }
        int v = dirs.size();
        for (int w = 0; w < Integer.getInteger("warm", 10); w++) for (int i = 0; i < v; i++) for (int k = 0; k < batch; k++) enrich.get(i).invoke(benches.get(i));
        double[][] thr = new double[v][rounds], proc = new double[v][rounds]; double[] alloc = new double[v];
        var sun = (com.sun.management.ThreadMXBean) th;
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < v; j++) {
                int i = (r % 2 == 0) ? j : v - 1 - j;
                long t0 = th.getCurrentThreadCpuTime(), p0 = os.getProcessCpuTime(), a0 = sun.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < batch; k++) enrich.get(i).invoke(benches.get(i));
                thr[i][r] = (th.getCurrentThreadCpuTime() - t0) / 1e3 / batch;
                proc[i][r] = (os.getProcessCpuTime() - p0) / 1e3 / batch;
                alloc[i] += (sun.getCurrentThreadAllocatedBytes() - a0) / 1024.0 / batch / rounds;
            }
        }
        for (int i = 0; i < v; i++) {
            double[] t = thr[i].clone(), p = proc[i].clone(); Arrays.sort(t); Arrays.sort(p);
            System.out.printf("%-40s thread CPU µs/article median %.0f (min %.0f, max %.0f); process median %.0f (min %.0f) -> %.0f per CPU-second (process median); %.0f KB allocated per article%n",
                Path.of(dirs.get(i).split(",")[0]).getFileName(), t[rounds / 2], t[0], t[rounds - 1], p[rounds / 2], p[0], 1e6 / p[rounds / 2], alloc[i]);
        }
    }
}
