package io.newswatch.alerter.delivery;

import io.newswatch.contract.Alert;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code log}: one line per alert in the service's log (category {@code newswatch.alerts}), for operators. */
public final class LogChannel implements Channel {

    private static final Logger ALERTS = Logger.getLogger("newswatch.alerts");

    @Override
    public ChannelTarget.Kind kind() {
        return ChannelTarget.Kind.LOG;
    }

    @Override
    public CompletionStage<Void> send(ChannelTarget target, Notification notification) {
        if (notification.digest()) {
            Alert first = notification.first();
            ALERTS.infof("DIGEST [%s] %d alerts", first.ruleName(), notification.alerts().size());
        }
        for (Alert alert : notification.alerts()) {
            ALERTS.infof("ALERT [%s] %s - %s %s%s (alert %s)", alert.ruleName(), alert.title(), alert.source(),
                    Redaction.withoutUserInfo(alert.url()), alert.level() > 0 ? " (story now in " + alert.storyOutlets() + " outlets)" : "",
                    alert.id());
        }
        return CompletableFuture.completedFuture(null);
    }
}
