package io.newswatch.tagging.kb;

/** A knowledge-base or taxonomy file that cannot be used; the message names the file, the line and what to fix. */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
