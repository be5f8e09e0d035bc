package io.newswatch.alerter.delivery;

import io.newswatch.contract.Alert;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code email:ADDRESS}: one mail per alert (or per digest), plain text and HTML, through Quarkus Mailer (SMTP,
 * configured under {@code quarkus.mailer.*}). A 5xx answer of the mail server is permanent, a 4xx or a connection
 * failure is retried.
 */
public final class EmailChannel implements Channel {

    /** Header with the alert id (or digest id), for mail rules and deduplication. */
    public static final String ALERT_ID_HEADER = "X-Newswatch-Alert-Id";

    private final ReactiveMailer mailer;
    private final Duration timeout;

    public EmailChannel(ReactiveMailer mailer, Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    @Override
    public ChannelTarget.Kind kind() {
        return ChannelTarget.Kind.EMAIL;
    }

    @Override
    public CompletionStage<Void> send(ChannelTarget target, Notification notification) {
        Mail mail = Mail.withText(target.target(), subject(notification), text(notification))
                .setHtml(html(notification))
                .addHeader(ALERT_ID_HEADER, WebhookChannel.notificationId(notification));
        return mailer.send(mail)
                .ifNoItem().after(timeout).failWith(() -> DeliveryException.transientFailure(
                        "the mail server did not answer within " + timeout, null))
                .onFailure().transform(EmailChannel::failure)
                .subscribeAsCompletionStage();
    }

    static String subject(Notification notification) {
        Alert first = notification.first();
        if (notification.digest()) {
            return "[newswatch] " + first.ruleName() + ": " + notification.alerts().size() + " new articles";
        }
        String spread = first.level() > 0 ? " (story now in " + first.storyOutlets() + " outlets)" : "";
        return "[newswatch] " + first.ruleName() + ": " + nullToEmpty(first.title()) + spread;
    }

    static String text(Notification notification) {
        StringBuilder text = new StringBuilder();
        for (Alert alert : notification.alerts()) {
            text.append(nullToEmpty(alert.title())).append('\n').append(alert.url()).append('\n');
            if (alert.source() != null) {
                text.append(alert.source()).append(" · ");
            }
            text.append("story in ").append(alert.storyOutlets()).append(alert.storyOutlets() == 1 ? " outlet"
                    : " outlets").append('\n');
            for (String passage : passages(alert)) {
                text.append("  > ").append(plain(passage)).append('\n');
            }
            if (alert.explanation() != null && !alert.explanation().terms().isEmpty()) {
                text.append("matched: ").append(String.join(", ", alert.explanation().terms())).append('\n');
            }
            text.append('\n');
        }
        return text.append("Rule: ").append(notification.first().ruleName()).append(" (")
                .append(notification.first().query()).append(")\n").toString();
    }

    static String html(Notification notification) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (Alert alert : notification.alerts()) {
            html.append("<p><a href=\"").append(escape(alert.url())).append("\"><strong>")
                    .append(escape(nullToEmpty(alert.title()))).append("</strong></a><br>")
                    .append(escape(nullToEmpty(alert.source()))).append(" · story in ").append(alert.storyOutlets())
                    .append(alert.storyOutlets() == 1 ? " outlet" : " outlets").append("</p>");
            for (String passage : passages(alert)) {
                // passages are HTML-escaped already, with <em> around the matched words
                html.append("<blockquote>").append(passage).append("</blockquote>");
            }
            if (alert.explanation() != null && alert.explanation().kibanaUrl() != null) {
                html.append("<p><a href=\"").append(escape(alert.explanation().kibanaUrl()))
                        .append("\">Open in Kibana</a></p>");
            }
        }
        return html.append("<p>Rule: ").append(escape(notification.first().ruleName())).append(" (<code>")
                .append(escape(nullToEmpty(notification.first().query()))).append("</code>)</p></body></html>")
                .toString();
    }

    private static List<String> passages(Alert alert) {
        if (alert.explanation() != null && !alert.explanation().passages().isEmpty()) {
            return alert.explanation().passages();
        }
        return alert.snippet() == null || alert.snippet().isBlank() ? List.of() : List.of(alert.snippet());
    }

    private static Throwable failure(Throwable error) {
        if (error instanceof DeliveryException) {
            return error;
        }
        if (error instanceof SMTPException smtp) {
            // the server's own words are not kept (they may quote the message or the account), only the code
            return new DeliveryException("the mail server answered " + smtp.getReplyCode()
                    + (smtp.isPermanent() ? " (refused)" : " (try again later)"), smtp.isPermanent(), null, null);
        }
        return DeliveryException.transientFailure("sending mail failed (" + error.getClass().getSimpleName() + ")",
                error);
    }

    private static String plain(String passage) {
        return passage.replace("<em>", "").replace("</em>", "").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
