package io.newswatch.poller.parse;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found on an article page.
 *
 * @param title        the headline, or empty
 * @param author       the byline's name, or null
 * @param published    the page's publication time, or null
 * @param language     ISO 639 code declared by the page, or null
 * @param canonicalUrl {@code <link rel="canonical">} (or {@code og:url}), absolute, or null
 * @param text         the main text, paragraphs separated by blank lines
 * @param method       how the text was found, for people debugging an extraction: {@code article-body},
 *                     {@code scored}, {@code json-ld}, {@code none}
 */
public record ExtractedPage(String title, String author, Instant published, String language, String canonicalUrl,
                            String text, String method) {
}
