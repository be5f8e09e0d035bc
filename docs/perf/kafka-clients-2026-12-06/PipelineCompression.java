import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;
import java.lang.management.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.*;

/**
 * The pipeline's Kafka traffic without the services' work: a poller-like producer (linger 25 ms, acks all) sends
 * `rate` raw articles/s (~3 KB invented text); an enricher-like group consumer (fetch.min.bytes 1, wait 500) reads
 * them and its producer (linger 20, batch 256 KB, idempotent) writes one ~5 KB enriched record each; an
 * indexer-like (64 KiB / 250 ms) and an alerter-like (32 KiB / 100 ms) group read the enriched topic.
 * Every producer uses `codec`. After `warmup` s, prints this JVM's CPU (all clients) and the broker's, per article.
 * Args: bootstrap brokerPid codec rate warmupSeconds measureSeconds [consumerWaitOverride]
 */
public class PipelineCompression {
    static final Random RANDOM = new Random(42);
    static String[] vocab = new String[20000];
    static String word(int n) { StringBuilder b = new StringBuilder(); int len = 3 + (n * 7919) % 8;
        long x = n * 2654435761L; for (int i = 0; i < len; i++) { b.append((char) ('a' + (int) ((x >>> (i * 3)) % 26 + 26) % 26)); } return b.toString(); }
    static String zipfWord() { double u = RANDOM.nextDouble(); int i = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(vocab.length, u)) - 1); return vocab[Math.max(0, i)]; }
    static String text(int chars) { StringBuilder b = new StringBuilder(); while (b.length() < chars) { b.append(zipfWord()); b.append(RANDOM.nextInt(12) == 0 ? ". " : " "); } return b.toString(); }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0]; String brokerPid = args[1]; String codec = args[2];
        int rate = Integer.parseInt(args[3]); int warmup = Integer.parseInt(args[4]); int measure = Integer.parseInt(args[5]);
        for (int i = 0; i < vocab.length; i++) vocab[i] = word(i + 1);
        int pool = 3000;
        String[] raw = new String[pool]; String[] enriched = new String[pool];
        for (int i = 0; i < pool; i++) {
            String body = text(2600);
            raw[i] = "{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\"https://news.example/" + zipfWord() + "/" + i + "\",\"title\":\"" + text(60)
                    + "\",\"published\":\"2026-12-06T12:00:00Z\",\"language\":\"en\",\"body\":\"" + body + "\"}";
            StringBuilder e = new StringBuilder(raw[i].substring(0, raw[i].length() - 1)).append(",\"entities\":[");
            for (int k = 0; k < 25; k++) e.append(k == 0 ? "" : ",").append("{\"text\":\"").append(zipfWord()).append(' ').append(zipfWord())
                    .append("\",\"type\":\"ORG\",\"start\":").append(RANDOM.nextInt(2600)).append(",\"salience\":0.").append(RANDOM.nextInt(999)).append('}');
            e.append("],\"topics\":[{\"name\":\"").append(zipfWord()).append("\",\"score\":0.5}],\"text_folded\":\"").append(body).append("\"}");
            enriched[i] = e.toString();
        }
        String tag = codec + "-" + System.currentTimeMillis();
        String rawTopic = "kc-raw-" + tag, enrichedTopic = "kc-enriched-" + tag;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(rawTopic, 3, (short) 1), new NewTopic(enrichedTopic, 3, (short) 1))).all().get();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong produced = new AtomicLong(), enrichedCount = new AtomicLong(), indexed = new AtomicLong(), alerted = new AtomicLong();
        AtomicLong rawBytes = new AtomicLong();
        KafkaProducer<String, String> poller = producer(bootstrap, codec, 25, 16384);
        KafkaProducer<String, String> enricherOut = producer(bootstrap, codec, 20, 262144);
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform().name("poller").start(() -> {
            long next = System.nanoTime(); long period = 1_000_000_000L / rate; int i = 0;
            while (running.get()) {
                String v = raw[i++ % pool];
                poller.send(new ProducerRecord<>(rawTopic, "k" + i, v)); produced.incrementAndGet(); rawBytes.addAndGet(v.length());
                next += period; long sleep = next - System.nanoTime(); if (sleep > 0) { try { Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000)); } catch (InterruptedException e) { return; } }
            }
        }));
        threads.add(consumerThread("enricher", bootstrap, rawTopic, 1, 500, running, records -> {
            for (ConsumerRecord<String, String> r : records) { enricherOut.send(new ProducerRecord<>(enrichedTopic, r.key(), enriched[(int) (enrichedCount.getAndIncrement() % pool)])); }
        }));
        threads.add(consumerThread("indexer", bootstrap, enrichedTopic, 65536, 250, running, records -> indexed.addAndGet(records.count())));
        threads.add(consumerThread("alerter", bootstrap, enrichedTopic, 32768, 100, running, records -> alerted.addAndGet(records.count())));
        Thread.sleep(warmup * 1000L);
        long cpu0 = selfCpuNanos(), b0 = ticks(brokerPid), n0 = produced.get(), i0 = indexed.get(), a0 = alerted.get(); long t0 = System.nanoTime();
        Map<String, Long> th0 = threadCpu();
        Thread.sleep(measure * 1000L);
        long cpu1 = selfCpuNanos(), b1 = ticks(brokerPid), n1 = produced.get(), i1 = indexed.get(), a1 = alerted.get(); long t1 = System.nanoTime();
        Map<String, Long> th1 = threadCpu();
        running.set(false);
        double seconds = (t1 - t0) / 1e9; long n = n1 - n0;
        double clientMs = (cpu1 - cpu0) / 1e6, brokerMs = (b1 - b0) * 10.0;
        StringBuilder groups = new StringBuilder();
        Map<String, Double> byGroup = new TreeMap<>();
        for (var e : th1.entrySet()) { String g = e.getKey().replaceAll("[-| ].*", ""); byGroup.merge(g, (e.getValue() - th0.getOrDefault(e.getKey(), 0L)) / 1e6, Double::sum); }
        byGroup.forEach((g, ms) -> { if (ms / n > 0.01) groups.append(String.format(" %s=%.3f", g, ms / n)); });
        System.out.printf("codec=%s load=%s articles=%d (%.1f/s) indexed=%d alerted=%d clientsMsPerArticle=%.3f brokerMsPerArticle=%.3f totalMsPerArticle=%.3f brokerMsPerSecond=%.1f threads(ms/article):%s%n",
                codec, Files.readString(Path.of("/proc/loadavg")).split(" ")[0], n, n / seconds, i1 - i0, a1 - a0, clientMs / n, brokerMs / n, (clientMs + brokerMs) / n, brokerMs / seconds, groups);
        for (Thread t : threads) t.join(3000);
        poller.close(Duration.ofSeconds(2)); enricherOut.close(Duration.ofSeconds(2));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) { admin.deleteTopics(List.of(rawTopic, enrichedTopic)).all().get(); }
        System.exit(0);
    }

    static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean(); Map<String, Long> out = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) { if (info == null) continue; long c = mx.getThreadCpuTime(info.getThreadId());
            if (c > 0) out.merge(info.getThreadName() + "#" + info.getThreadId(), c, Long::sum); }
        return out;
    }
    static long selfCpuNanos() throws Exception { return ticks("self") * 10_000_000L; }
    static long ticks(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat")); String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    static KafkaProducer<String, String> producer(String bootstrap, String codec, int linger, int batch) {
        Properties p = new Properties(); p.put("bootstrap.servers", bootstrap); p.put("acks", "all"); p.put("compression.type", codec);
        p.put("linger.ms", linger); p.put("batch.size", batch); p.put("key.serializer", StringSerializer.class.getName()); p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
    interface Handler { void handle(ConsumerRecords<String, String> records); }
    static Thread consumerThread(String group, String bootstrap, String topic, int minBytes, int maxWait, AtomicBoolean running, Handler handler) {
        Properties p = new Properties(); p.put("bootstrap.servers", bootstrap); p.put("group.id", group + "-" + topic); p.put("auto.offset.reset", "earliest");
        p.put("fetch.min.bytes", minBytes); p.put("fetch.max.wait.ms", maxWait); p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName()); p.put("value.deserializer", StringDeserializer.class.getName());
        return Thread.ofPlatform().name(group).start(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
                c.subscribe(List.of(topic)); long lastCommit = System.nanoTime();
                while (running.get()) { ConsumerRecords<String, String> r = c.poll(Duration.ofMillis(100)); if (!r.isEmpty()) handler.handle(r);
                    if (System.nanoTime() - lastCommit > 5_000_000_000L) { c.commitAsync(); lastCommit = System.nanoTime(); } }
            }
        });
    }
}
