package io.newswatch.alerter.match;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DecodedIdsCodec} gives back every document's sorted value exactly as written, by ordinal as the default
 * format's own terms enum orders them, over several segments, their merge, and deletions.
 */
class DecodedIdsCodecTest {

    @Test
    void everyDocumentsValueAndEveryOrdinalAsTheDefaultFormatReadsThem() throws IOException {
        Random random = new Random(14);
        List<String> values = new ArrayList<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
                     .setCodec(new DecodedIdsCodec()).setMergePolicy(new RuleMatcher.MergeAll()))) {
            for (int commit = 0; commit < 4; commit++) {
                for (int i = 0; i < 700; i++) {
                    int n = values.size();
                    // duplicates, empty values, non-ASCII and long values; some documents without one
                    String value = switch (random.nextInt(6)) {
                        case 0 -> "";
                        case 1 -> "rule-" + random.nextInt(50);
                        case 2 -> "правило-" + n + "_0";
                        case 3 -> "x".repeat(random.nextInt(300)) + n;
                        case 4 -> null;
                        default -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) n, (byte) (n >> 8)}) + "_1";
                    };
                    values.add(value);
                    Document doc = new Document();
                    doc.add(new StringField("n", Integer.toString(n), Field.Store.NO));
                    doc.add(new NumericDocValuesField("n", n));
                    if (value != null) {
                        doc.add(new SortedDocValuesField("id", new BytesRef(value)));
                    }
                    writer.addDocument(doc);
                }
                writer.deleteDocuments(new Term("n", Integer.toString(random.nextInt(values.size()))));
                writer.commit();
                try (DirectoryReader reader = DirectoryReader.open(writer)) {
                    int checked = 0;
                    for (LeafReaderContext leaf : reader.leaves()) {
                        checked += check(leaf.reader(), values);
                    }
                    assertThat(checked).isEqualTo(reader.numDocs());
                }
            }
        }
    }

    private static int check(LeafReader segment, List<String> values) throws IOException {
        SortedDocValues ids = segment.getSortedDocValues("id");
        NumericDocValues ns = segment.getNumericDocValues("n");
        int checked = 0;
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
            if (segment.getLiveDocs() != null && !segment.getLiveDocs().get(doc)) {
                continue;
            }
            assertThat(ns.advanceExact(doc)).isTrue();
            String expected = values.get((int) ns.longValue());
            assertThat(ids.advanceExact(doc)).isEqualTo(expected != null);
            if (expected != null) {
                assertThat(ids.lookupOrd(ids.ordValue()).utf8ToString()).isEqualTo(expected);
            }
            checked++;
        }
        // every ordinal's value as the default format's terms enum (not replaced) reads it, in order
        TermsEnum inOrder = ids.termsEnum();
        int ord = 0;
        for (BytesRef value = inOrder.next(); value != null; value = inOrder.next(), ord++) {
            assertThat(ids.lookupOrd(ord)).isEqualTo(value);
            assertThat(ids.lookupTerm(value)).isEqualTo(ord);
        }
        assertThat(ord).isEqualTo(ids.getValueCount()).isPositive();
        return checked;
    }
}
