package io.newswatch.alerter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.newswatch.alerter.it.AlerterTestResource.InjectWebhook;
import io.newswatch.alerter.it.MailTestResource.InjectMail;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email through a real (local) SMTP server, and digest mode: alerts of a digest rule are recorded at once and
 * notified together when their period ends, each exactly once.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(value = AlerterTestResource.class,
        initArgs = @ResourceArg(name = "rules", value = "it/mail-rules.yaml"))
class MailAndDigestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(100);

    @InjectTestStack
    TestStack stack;

    @InjectWebhook
    WebhookStub webhook;

    @InjectMail
    GreenMail mail;

    @Test
    void anAlertByMail() throws Exception {
        send(article().url("https://wire.example/harbour").title("Harbour reopens")
                .body("The harbour reopened after the storm.").story("story-harbour", 1, 1).build());
        await().atMost(PATIENCE).until(() -> messagesTo("desk@newswatch.test").size() == 1);
        MimeMessage message = messagesTo("desk@newswatch.test").getFirst();
        assertThat(message.getSubject()).isEqualTo("[newswatch] Harbour by mail: Harbour reopens");
        assertThat(message.getHeader("X-Newswatch-Alert-Id")[0]).isEqualTo(Ids.alert("by-mail", "story-harbour", 0));
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("https://wire.example/harbour", "harbour");
    }

    @Test
    void aDigestCarriesEveryAlertOfItsPeriodOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String river : List.of("Drina", "Neretva", "Sava")) {
            send(article().url("https://wire.example/bridge-" + river).title("A new bridge on the " + river)
                    .body("The bridge opens in spring.").story("story-" + river, 1, 1).build());
            ids.add(Ids.alert("digest", "story-" + river, 0));
        }
        await().atMost(PATIENCE).until(() -> digestedIds().size() >= 3);
        assertThat(digestedIds()).containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(PATIENCE).until(() -> !messagesTo("digest@newswatch.test").isEmpty()
                && mailedCount() == 3);
        assertThat(messagesTo("digest@newswatch.test").getFirst().getSubject()).startsWith(
                "[newswatch] Bridges, hourly: ");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(latest(id).deliveries()).hasSize(2).allSatisfy(d ->
                        assertThat(d.status()).isEqualTo("delivered"))));
    }

    /** Alert ids across every digest the webhook received. */
    private List<String> digestedIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (WebhookStub.Request request : webhook.requests("/digest")) {
            JsonNode digest = Json.mapper().readTree(request.body());
            assertThat(digest.path("type").asText()).isEqualTo("alert.digest");
            digest.path("alerts").forEach(alert -> ids.add(alert.path("id").asText()));
        }
        return ids;
    }

    /** Articles across every digest mail, as their subjects count them ("...: 3 new articles"). */
    private long mailedCount() {
        return messagesTo("digest@newswatch.test").stream().mapToLong(m -> {
            try {
                String subject = m.getSubject();
                return Long.parseLong(subject.replaceAll(".*: (\\d+) new articles$", "$1"));
            } catch (jakarta.mail.MessagingException | NumberFormatException e) {
                return 0;
            }
        }).sum();
    }

    private List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private Alert latest(String id) {
        List<Alert> records = new Topics(stack).readAll(stack.topics().alerts()).stream()
                .filter(r -> id.equals(r.key())).map(r -> Json.decode(r.value(), Alert.class)).toList();
        return records.getLast();
    }

    private void send(EnrichedArticle article) {
        new Topics(stack).send(stack.topics().articlesEnriched(), article.id(), Json.encode(article));
    }
}
