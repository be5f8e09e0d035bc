package io.newswatch.alerter.delivery;

import io.newswatch.contract.Alert;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A way of notifying: one attempt to deliver one alert (or a digest of several) to one target. */
public interface Channel {

    /** The kind of target this channel serves. */
    ChannelTarget.Kind kind();

    /**
     * Delivers; the stage fails with a {@link DeliveryException} that says whether trying again can help. Must not
     * block the caller, and must end within its configured timeouts.
     *
     * @param target       where to, as the rule names it
     * @param notification the alert, or the alerts of a digest
     */
    CompletionStage<Void> send(ChannelTarget target, Notification notification);

    /**
     * What to notify.
     *
     * @param alerts the alerts, one for an instant notification, several for a digest
     * @param digest true for a digest
     */
    record Notification(List<Alert> alerts, boolean digest) {

        public static Notification of(Alert alert) {
            return new Notification(List.of(alert), false);
        }

        /** The first alert (the only one, outside digests). */
        public Alert first() {
            return alerts.getFirst();
        }
    }
}
