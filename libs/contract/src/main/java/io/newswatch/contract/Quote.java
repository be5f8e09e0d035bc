package io.newswatch.contract;

/**
 * A direct quotation and who the text says said it.
 *
 * @param speaker   the speaker's name as resolved ("Dmitry Peskov")
 * @param speakerId the speaker's entity id, when known
 * @param text      the quoted words, without quotation marks
 */
public record Quote(String speaker, String speakerId, String text) {
}
