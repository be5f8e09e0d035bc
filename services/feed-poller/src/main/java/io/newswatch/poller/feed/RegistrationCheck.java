package io.newswatch.poller.feed;

import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Json;
import io.newswatch.poller.http.UrlSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * The poller instances' consumer group on the feeds topic. Its partition assignment is what shares the feeds
 * between instances ({@link io.newswatch.poller.poll.Ownership} listens to it); the records themselves are read
 * as a table by every instance, so here each new registration is only checked: one that is not a feed goes to the
 * dead-letter topic with the reason, once, and the partition moves on.
 */
@ApplicationScoped
public class RegistrationCheck {

    @Incoming("feed-registrations")
    public CompletionStage<Void> check(Message<String> message) {
        String value = message.getPayload();
        if (value != null) {
            try {
                Json.decode(value, Feed.class);
            } catch (BadEventException e) {
                // the reason goes into the dead letter's headers: without the secrets of any URL it quotes
                return message.nack(new BadEventException(UrlSecrets.redactText(e.getMessage())));
            }
        }
        return message.ack();
    }
}
