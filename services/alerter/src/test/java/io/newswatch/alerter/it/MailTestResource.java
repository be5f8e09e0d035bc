package io.newswatch.alerter.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A local SMTP server (GreenMail) on a free port, as the alerter's mail server. */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a {@link GreenMail} field of the test to be filled in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectMail {
    }

    private GreenMail mail;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "alerts@newswatch.test");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(mail, new TestInjector.AnnotatedAndMatchesType(InjectMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }
}
