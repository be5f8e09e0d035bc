package io.newswatch.indexer.index;

/**
 * A record the indexer gives up on, with why.
 *
 * @param record the original record, sent on as it was
 * @param reason for a human: what went wrong ("rejected by Elasticsearch", "not a valid enriched article")
 * @param cause  the detail: Elasticsearch's error or the decoder's message
 */
public record DeadLetter(SourceRecord record, String reason, String cause) {

    /** Publishes dead letters to the dead-letter topic. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Sends the letters and returns once Kafka acknowledged each.
         *
         * @throws Exception when any was not acknowledged; the caller retries them all (a duplicate dead letter
         *                   is harmless, a lost one is not)
         */
        void publish(java.util.List<DeadLetter> letters) throws Exception;
    }
}
