package io.newswatch.stack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a packaged service starts with ({@link ServiceProcesses#start}): where Kafka and Elasticsearch
 * are, whose topics and indices it uses, the API key, its files, and the addresses its guard lets through. The one
 * place that knows these variables' names, for the launcher, the benchmark and every test that runs a service as a
 * process. Immutable: each {@code with...} returns a new environment.
 */
public final class ServiceEnvironment {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ELASTICSEARCH_HOSTS = "NEWSWATCH_ELASTICSEARCH_HOSTS";
    public static final String TOPIC_PREFIX = "NEWSWATCH_TOPIC_PREFIX";
    public static final String INDEX_PREFIX = "NEWSWATCH_ELASTICSEARCH_INDEX_PREFIX";
    public static final String API_KEY = "NEWSWATCH_API_KEY";
    public static final String FEEDS_FILE = "NEWSWATCH_FEEDS_FILE";
    public static final String RULES_FILE = "NEWSWATCH_RULES_FILE";
    public static final String POLLER_SSRF_ALLOW = "NEWSWATCH_POLLER_SSRF_ALLOW";
    public static final String ALERTER_SSRF_ALLOW = "NEWSWATCH_ALERTER_SSRF_ALLOW";
    public static final String CONSOLE_ALERTER_URL = "NEWSWATCH_CONSOLE_ALERTER_URL";
    public static final String CONSOLE_POLLER_URL = "NEWSWATCH_CONSOLE_POLLER_URL";

    /** Every loopback address: test and benchmark sites, webhook receivers and feeds run on this machine. */
    public static final String LOOPBACK = "127.0.0.0/8,localhost";

    private final Map<NewswatchService, Map<String, String>> variables;

    private ServiceEnvironment(Map<NewswatchService, Map<String, String>> variables) {
        this.variables = variables;
    }

    /** Services of a Kafka cluster and an Elasticsearch cluster, with the default topic and index names. */
    public static ServiceEnvironment of(String kafkaBootstrapServers, String elasticsearchUrl) {
        Map<NewswatchService, Map<String, String>> variables = new EnumMap<>(NewswatchService.class);
        for (NewswatchService service : NewswatchService.values()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
            env.put(ELASTICSEARCH_HOSTS, elasticsearchUrl);
            variables.put(service, env);
        }
        return new ServiceEnvironment(variables);
    }

    /** Services of the local stack, with the default topic and index names (the launcher's). */
    public static ServiceEnvironment of(LocalStack stack) {
        return of(stack.endpoints().kafkaBootstrapServers(), stack.endpoints().elasticsearchUrl());
    }

    /** Services of a test's reservation on the local stack: its topics and indices only. */
    public static ServiceEnvironment of(TestStack test) {
        return of(test.kafkaBootstrapServers(), test.elasticsearchUrl()).withPrefixes(test.topicPrefix(),
                test.indexPrefix());
    }

    /** Topics named {@code <topicPrefix>articles.raw...}, indices {@code <indexPrefix>-articles...}. */
    public ServiceEnvironment withPrefixes(String topicPrefix, String indexPrefix) {
        return withEvery(Map.of(TOPIC_PREFIX, topicPrefix, INDEX_PREFIX, indexPrefix));
    }

    /** The key of the admin endpoints, for every service but the console (analysts sign in with theirs). */
    public ServiceEnvironment withApiKey(String apiKey) {
        ServiceEnvironment withKey = withEvery(Map.of(API_KEY, apiKey));
        withKey.variables.get(NewswatchService.CONSOLE).remove(API_KEY);
        return withKey;
    }

    /** The poller's feeds file. */
    public ServiceEnvironment withFeedsFile(Path feeds) {
        return with(NewswatchService.FEED_POLLER, Map.of(FEEDS_FILE, feeds.toString()));
    }

    /** The alerter's rules file. */
    public ServiceEnvironment withRulesFile(Path rules) {
        return with(NewswatchService.ALERTER, Map.of(RULES_FILE, rules.toString()));
    }

    /**
     * Addresses the poller's and the alerter's address guards let through (both refuse loopback and private
     * addresses unless allowed), e.g. {@link #LOOPBACK} for sites and receivers of tests on this machine.
     */
    public ServiceEnvironment allowing(String addresses) {
        return with(NewswatchService.FEED_POLLER, Map.of(POLLER_SSRF_ALLOW, addresses))
                .with(NewswatchService.ALERTER, Map.of(ALERTER_SSRF_ALLOW, addresses));
    }

    /** Where the console finds the alerter's and the poller's APIs. */
    public ServiceEnvironment withConsoleUpstreams(String alerterUrl, String pollerUrl) {
        return with(NewswatchService.CONSOLE, Map.of(CONSOLE_ALERTER_URL, alerterUrl, CONSOLE_POLLER_URL, pollerUrl));
    }

    /** More settings of one service (these win over the ones above). */
    public ServiceEnvironment with(NewswatchService service, Map<String, String> more) {
        ServiceEnvironment copy = copy();
        copy.variables.get(service).putAll(more);
        return copy;
    }

    /** More settings of every service. */
    public ServiceEnvironment withEvery(Map<String, String> more) {
        ServiceEnvironment copy = copy();
        copy.variables.values().forEach(env -> env.putAll(more));
        return copy;
    }

    /** The environment of one service, to start it with (a copy). */
    public Map<String, String> of(NewswatchService service) {
        return new LinkedHashMap<>(variables.get(service));
    }

    /**
     * Everything a service started from this process sees: this process' own environment (a service inherits it,
     * {@code KAFKA_SECURITY_PROTOCOL} say) with the service's settings on top. A tool that talks to the same
     * cluster builds its clients from this.
     */
    public Map<String, String> inherited(NewswatchService service) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(variables.get(service));
        return env;
    }

    private ServiceEnvironment copy() {
        Map<NewswatchService, Map<String, String>> copy = new EnumMap<>(NewswatchService.class);
        variables.forEach((service, env) -> copy.put(service, new LinkedHashMap<>(env)));
        return new ServiceEnvironment(copy);
    }
}
