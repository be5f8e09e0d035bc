package io.newswatch.poller.config;

/**
 * This poller instance's name, in feed status ({@code owner}) and in Kafka client ids.
 *
 * @param value {@code newswatch.poller.instance-id}, or host name and process id
 */
public record InstanceId(String value) {
}
