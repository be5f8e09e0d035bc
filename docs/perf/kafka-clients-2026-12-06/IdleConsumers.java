import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.serialization.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.*;

/** N idle group consumers (own groups) on a fresh 3-partition topic; broker and own CPU ms/s after a warm-up.
 *  Args: bootstrap brokerPid consumers fetchMinBytes fetchMaxWaitMs warmupSeconds measureSeconds */
public class IdleConsumers {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], pid = args[1]; int n = Integer.parseInt(args[2]), minBytes = Integer.parseInt(args[3]), wait = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]), measure = Integer.parseInt(args[6]);
        String topic = "kc-idle-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) { admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(); }
        AtomicBoolean running = new AtomicBoolean(true); List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Properties p = new Properties(); p.put("bootstrap.servers", bootstrap); p.put("group.id", topic + "-" + i); p.put("auto.offset.reset", "earliest");
            p.put("fetch.min.bytes", minBytes); p.put("fetch.max.wait.ms", wait); p.put("enable.auto.commit", "false");
            p.put("key.deserializer", StringDeserializer.class.getName()); p.put("value.deserializer", StringDeserializer.class.getName());
            threads.add(Thread.ofPlatform().start(() -> { try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) { c.subscribe(List.of(topic));
                while (running.get()) c.poll(Duration.ofMillis(100)); } }));
        }
        Thread.sleep(warmup * 1000L);
        long s0 = ticks("self"), b0 = ticks(pid), t0 = System.nanoTime();
        Thread.sleep(measure * 1000L);
        long s1 = ticks("self"), b1 = ticks(pid), t1 = System.nanoTime();
        double sec = (t1 - t0) / 1e9;
        System.out.printf("consumers=%d minBytes=%d wait=%d load=%s brokerMsPerSecond=%.1f clientsMsPerSecond=%.1f%n", n, minBytes, wait,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], (b1 - b0) * 10 / sec, (s1 - s0) * 10 / sec);
        running.set(false); for (Thread t : threads) t.join(5000);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) { admin.deleteTopics(List.of(topic)).all().get(); }
        System.exit(0);
    }
    static long ticks(String pid) throws Exception { String s = Files.readString(Path.of("/proc/" + pid + "/stat")); String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); }
}
