package io.newswatch.alerter.match;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesConsumer;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterSortedDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query index's codec: Lucene's default, files and all, except that the values of each sorted doc-values field
 * of a segment are decoded once, when matching first reads them, and looked up by ordinal in an array from then on.
 * Monitor reads each candidate query's ids ({@code _cache_id}, {@code _query_id}) from sorted doc values, and the
 * default format keeps their values in compressed blocks of 64: every look-up decompressed a block and walked it to
 * the ordinal, a fifth of matching at 100k rules (docs/perf/README.md, session 14). The same bytes come back, so
 * the same queries are found and run.
 *
 * <p>The query index lives in memory and is only ever read through its writer (Monitor's near-real-time searcher),
 * which hands its readers this codec object: the codec's name is written into each commit but never looked up, so it
 * needs no registration as a Lucene service. Costs a copy of those values per segment (two ids and two offsets per
 * rule: 30 to 90 bytes).
 */
final class DecodedIdsCodec extends FilterCodec {

    private final DocValuesFormat docValues;

    DecodedIdsCodec() {
        super("NewswatchDecodedIds", Codec.getDefault());
        DocValuesFormat inner = delegate.docValuesFormat();
        this.docValues = new DocValuesFormat(inner.getName()) {
            @Override
            public DocValuesConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
                return inner.fieldsConsumer(state);
            }

            @Override
            public DocValuesProducer fieldsProducer(SegmentReadState state) throws IOException {
                return new Producer(inner.fieldsProducer(state));
            }
        };
    }

    @Override
    public DocValuesFormat docValuesFormat() {
        return docValues;
    }

    /** One segment's doc values, the sorted fields' values decoded on first use. */
    private static final class Producer extends DocValuesProducer {

        private final DocValuesProducer in;
        private final Map<String, Values> decoded = new ConcurrentHashMap<>();

        Producer(DocValuesProducer in) {
            this.in = in;
        }

        @Override
        public SortedDocValues getSorted(FieldInfo field) throws IOException {
            SortedDocValues sorted = in.getSorted(field);
            Values values = decoded.get(field.name);
            if (values == null) {
                values = Values.of(in.getSorted(field));
                decoded.put(field.name, values);
            }
            return values.over(sorted);
        }

        @Override
        public NumericDocValues getNumeric(FieldInfo field) throws IOException {
            return in.getNumeric(field);
        }

        @Override
        public BinaryDocValues getBinary(FieldInfo field) throws IOException {
            return in.getBinary(field);
        }

        @Override
        public SortedNumericDocValues getSortedNumeric(FieldInfo field) throws IOException {
            return in.getSortedNumeric(field);
        }

        @Override
        public SortedSetDocValues getSortedSet(FieldInfo field) throws IOException {
            return in.getSortedSet(field);
        }

        @Override
        public DocValuesSkipper getSkipper(FieldInfo field) throws IOException {
            return in.getSkipper(field);
        }

        @Override
        public void checkIntegrity() throws IOException {
            in.checkIntegrity();
        }

        /** Merges read the values once, in order: the default format's own. */
        @Override
        public DocValuesProducer getMergeInstance() {
            return in.getMergeInstance();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A sorted field's values in ordinal order: value {@code i} is {@code bytes[starts[i] .. starts[i + 1])}. */
    private record Values(byte[] bytes, int[] starts) {

        static Values of(SortedDocValues sorted) throws IOException {
            int count = sorted.getValueCount();
            int[] starts = new int[count + 1];
            byte[] bytes = new byte[0];
            TermsEnum values = sorted.termsEnum();
            int i = 0;
            for (BytesRef value = values.next(); value != null; value = values.next()) {
                bytes = ArrayUtil.grow(bytes, starts[i] + value.length);
                System.arraycopy(value.bytes, value.offset, bytes, starts[i], value.length);
                starts[i + 1] = starts[i] + value.length;
                i++;
            }
            if (i != count) {
                throw new IllegalStateException(count + " values expected, " + i + " read");
            }
            return new Values(bytes, starts);
        }

        /** The iterator's documents and ordinals, its values by ordinal from here. */
        SortedDocValues over(SortedDocValues sorted) {
            BytesRef value = new BytesRef(bytes);
            return new FilterSortedDocValues(sorted) {
                @Override
                public BytesRef lookupOrd(int ord) {
                    value.offset = starts[ord];
                    value.length = starts[ord + 1] - starts[ord];
                    return value;
                }
            };
        }
    }
}
