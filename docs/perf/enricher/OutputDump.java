// The tagger's output over every text of the repository's gold and of the evaluation sets (and the bench's articles), language detected and given
// as en, de, fr, ru, sr, uk (one `tag` JSON line each), to diff two builds byte for byte (session 16). From the repository root
// after `./mvnw -q -o -pl services/enricher test-compile`, with CP = the enricher's test classpath (dependency:build-classpath
// -Dmdep.includeScope=test) and the build's classes first:
//   javac -d /tmp/dump -cp "services/enricher/target/classes:services/enricher/target/test-classes:CP" docs/perf/enricher/OutputDump.java
//   java -cp "/tmp/dump:services/enricher/target/classes:services/enricher/target/test-classes:CP" io.newswatch.enricher.cli.OutputDump /work/scratch/enricher-eval/sets OUT.jsonl
package io.newswatch.enricher.cli;

import io.newswatch.enricher.eval.EvalDocument;
import io.newswatch.enricher.eval.EvalSets;
import io.newswatch.enricher.eval.GoldArticles;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.TaggingOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scratch: every text of the gold and the evaluation sets tagged with the language detected and given as 6 languages. */
public final class OutputDump {
    public static void main(String[] args) throws Exception {
        Enricher enricher = new TaggingOptions().enricher();
        List<EvalDocument> docs = new ArrayList<>();
        docs.addAll(GoldArticles.load(GoldArticles.TUNED));
        docs.addAll(GoldArticles.load(GoldArticles.HELD_OUT));
        for (Path f : EvalSets.files(Path.of(args[0]))) {
            docs.addAll(EvalSets.read(f));
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(args[1]), false, "UTF-8");
        String[] langs = {null, "en", "de", "fr", "ru", "sr", "uk"};
        int n = 0;
        for (String lang : langs) {
            for (EvalDocument d : docs) {
                out.println(TagCommand.tag(enricher, d.set() + "/" + d.id(), d.text(), lang));
                n++;
            }
        }
        // the enricher bench's 64 articles of 3 KB (session 19): the language given and detected
        for (io.newswatch.contract.Article a : io.newswatch.enricher.bench.EnricherBenchmark.corpus()) {
            for (String lang : new String[] {a.language(), null}) {
                out.println(TagCommand.tag(enricher, "bench/" + a.url(), a.fullText(), lang));
                n++;
            }
        }
        out.close();
        System.err.println(docs.size() + " texts and the bench's articles, " + n + " lines");
    }
}
