package io.newswatch.poller.parse;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * jsoup's {@link Element#absUrl(String)} without resolving a link that is absolute already in the form jsoup would
 * give back unchanged: jsoup resolves every link through {@code java.net.URL} (three of them, and two regex
 * replacements), the largest part of reading a page's canonical link and its site's home links.
 */
final class AbsoluteLinks {

    /**
     * An {@code http} or {@code https} link in lower case with a host of letters, digits, dots and hyphens, a port
     * without a leading zero, and a path, query and fragment of URL characters only, without a {@code .} or
     * {@code ..} segment, whitespace, control characters or backslashes: what {@code java.net.URL} parses and
     * writes back as it is ({@code AbsoluteLinksTest} checks the shapes against jsoup).
     */
    private static final Pattern AS_IT_IS = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?"
            + "(:[1-9][0-9]{0,4})?"
            + "(/(?!\\.\\.?(?:[/?#]|$))[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*"
            + "(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?"
            + "(#[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");

    private AbsoluteLinks() {
    }

    /** {@code element.absUrl(attribute)}. */
    static String absUrl(Element element, String attribute) {
        String value = element.attr(attribute);
        return AS_IT_IS.matcher(value).matches() ? value : element.absUrl(attribute);
    }
}
