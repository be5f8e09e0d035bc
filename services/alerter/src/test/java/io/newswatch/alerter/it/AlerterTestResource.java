package io.newswatch.alerter.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives an alerter test a webhook receiver of its own and a rules file: the classpath resource named by the
 * {@code rules} argument, with {@code ${webhook}} replaced by the receiver's base URL. The API key is
 * {@link #API_KEY}; the address guard lets webhooks reach the receiver's port of 127.0.0.1, no other.
 */
public class AlerterTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-api-key";

    /** Marks a {@link WebhookStub} field of the test to be filled in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWebhook {
    }

    private WebhookStub webhook;
    private String rules;
    private Path rulesFile;

    @Override
    public void init(Map<String, String> initArgs) {
        rules = initArgs.get("rules");
    }

    @Override
    public Map<String, String> start() {
        try {
            webhook = new WebhookStub();
            Map<String, String> config = new HashMap<>();
            config.put("newswatch.api-key", API_KEY);
            config.put("newswatch.alerter.delivery.initial-backoff", "200ms");
            config.put("newswatch.alerter.delivery.max-backoff", "1s");
            config.put("newswatch.alerter.delivery.webhooks.hook", webhook.url("/named").toString());
            // the receiver is on loopback, which webhooks may not reach unless allowed: this port only
            config.put("newswatch.alerter.ssrf.allow", "127.0.0.1:" + webhook.url("").getPort());
            if (rules != null) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(rules)) {
                    if (in == null) {
                        throw new IllegalStateException("no test resource " + rules);
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("${webhook}", webhook.url("").toString());
                    rulesFile = Files.createTempFile("alerter-rules-", ".yaml");
                    Files.writeString(rulesFile, text);
                }
                config.put("newswatch.alerter.rules-file", rulesFile.toString());
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(webhook,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhook.class, WebhookStub.class));
    }

    @Override
    public void stop() {
        if (webhook != null) {
            webhook.close();
        }
        try {
            if (rulesFile != null) {
                Files.deleteIfExists(rulesFile);
            }
        } catch (IOException e) {
            // a temporary file
        }
    }
}
