import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.ExtractedPage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SameExtraction DIR...: every .html page of each directory extracted under two page addresses, with no charset
 * from a header and with UTF-8 from one; prints per directory the pages, the SHA-256 over every ExtractedPage's
 * toString() (in file-name order) and the extracted texts' total length. Two builds print the same lines when
 * their extraction is the same.
 */
public class SameExtraction {
    public static void main(String[] args) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        List<URI> bases = List.of(URI.create("https://example.org/news/"), URI.create("http://www.site.example/a/b/"));
        for (String dir : args) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long chars = 0;
            int pages = 0;
            List<Path> files;
            try (var list = Files.list(Path.of(dir))) {
                files = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            }
            for (Path file : files) {
                byte[] body = Files.readAllBytes(file);
                for (URI base : bases) {
                    for (Optional<String> charset : List.of(Optional.<String>empty(), Optional.of("UTF-8"))) {
                        ExtractedPage page = extractor.extract(body, charset, base.resolve(file.getFileName().toString()));
                        sha.update(page.toString().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        chars += page.text().length();
                    }
                }
                pages++;
            }
            System.out.printf("%s pages=%d sha256=%s chars=%d%n", dir, pages, HexFormat.of().formatHex(sha.digest()), chars);
        }
    }
}
