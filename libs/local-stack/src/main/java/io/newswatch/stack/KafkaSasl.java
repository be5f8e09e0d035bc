package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The local broker's SASL listener ({@code NEWSWATCH_KAFKA_SASL_PORT}): SASL/PLAIN over plaintext, with one user
 * whose password the stack generates at the first start and keeps in {@code .newswatch/kafka-sasl-password}
 * (rw------- from creation), never printed. It lets tests run the services against a broker that authenticates,
 * given only the client settings the README promises ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}).
 *
 * @param bootstrapServers the listener's {@code host:port}
 * @param username         the user
 * @param password         its password
 */
public record KafkaSasl(String bootstrapServers, String username, String password) {

    /** The one user of the listener. */
    public static final String USER = "newswatch";
    private static final String PASSWORD_FILE = "kafka-sasl-password";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    /** The listener of a stack with one, its password created first when there is none. */
    static KafkaSasl of(StackHome home, String bootstrapServers) {
        return new KafkaSasl(bootstrapServers, USER, password(home.dir().resolve(PASSWORD_FILE)));
    }

    /** The client settings, named as Kafka names them: {@code sasl.jaas.config} and the others. */
    public Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", "PLAIN");
        settings.put("sasl.jaas.config", LOGIN_MODULE + " username=\"" + username + "\" password=\"" + password
                + "\";");
        return settings;
    }

    /**
     * The client settings as a service takes them from its environment: {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        clientSettings().forEach((name, value) -> env.put("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    /** The broker's side: the listener's JAAS line, which holds the user's password. */
    String brokerJaasConfig() {
        return LOGIN_MODULE + " username=\"" + username + "\" password=\"" + password + "\" user_" + username
                + "=\"" + password + "\";";
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "SASL/PLAIN at " + bootstrapServers + " as " + username;
    }

    private static String password(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                try {
                    PrivateFiles.createSecret(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                } catch (FileAlreadyExistsException e) {
                    // another JVM of this checkout made it meanwhile: use that one
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep Kafka's SASL password in " + file, e);
        }
    }
}
