package io.newswatch.elasticsearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Produces the {@link RestClient} from {@link ElasticsearchConfig}. Every service that talks to Elasticsearch
 * injects it; none builds its own.
 *
 * <p>No typed client (elasticsearch-java): what newswatch sends is JSON already (the template files, the indexer's
 * pre-serialised bulk bodies, queries built from the rule language), so a typed client would only re-encode it.
 */
@ApplicationScoped
public class ElasticsearchClients {

    @Produces
    @Singleton
    RestClient restClient(ElasticsearchConfig config) {
        return create(config);
    }

    void close(@Disposes RestClient client) throws IOException {
        client.close();
    }

    /** A client for the configured cluster, with authentication, TLS trust and timeouts applied. */
    public static RestClient create(ElasticsearchConfig config) {
        HttpHost[] hosts = config.hosts().stream()
                .map(uri -> new HttpHost(uri.getHost(), uri.getPort() == -1 ? 9200 : uri.getPort(), uri.getScheme()))
                .toArray(HttpHost[]::new);
        List<Header> headers = new ArrayList<>();
        if (config.apiKey().isPresent()) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + config.apiKey().get()));
        } else if (config.username().isPresent()) {
            String credentials = config.username().get() + ":" + config.password().orElse("");
            headers.add(new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
        SSLContext sslContext = config.caCertificate().map(ElasticsearchClients::trusting).orElse(null);
        return RestClient.builder(hosts)
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setSocketTimeout((int) config.socketTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> sslContext == null ? http : http.setSSLContext(sslContext))
                .build();
    }

    private static SSLContext trusting(java.nio.file.Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("elasticsearch-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("newswatch.elasticsearch.ca-certificate=" + caCertificate
                    + " is not a readable PEM certificate: " + e.getMessage(), e);
        }
    }
}
