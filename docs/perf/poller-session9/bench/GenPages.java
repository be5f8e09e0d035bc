import io.newswatch.bench.CorpusGenerator;
import io.newswatch.bench.NewsSites;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GenPages DIR: saves 500 article pages as ./newswatch bench serves them (NewsSites, CorpusGenerator seed 42). */
public class GenPages {
    public static void main(String[] args) throws Exception {
        try (NewsSites sites = new NewsSites(1, 50, 10, false)) {
            CorpusGenerator corpus = new CorpusGenerator(42);
            HttpClient http = HttpClient.newHttpClient();
            int saved = 0;
            for (int i = 0; i < 500; i++) {
                sites.publish(corpus.next()); // round robin over the 50 feeds, 10 items each
            }
            Pattern link = Pattern.compile("<link>(http[^<]+\\.html)</link>");
            for (String feed : sites.feedUrls()) {
                String xml = http.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = link.matcher(xml);
                while (m.find()) {
                    byte[] page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body();
                    Files.write(Path.of(args[0], String.format("b%04d.html", saved++)), page);
                }
            }
            System.out.println(saved + " pages");
        }
    }
}
