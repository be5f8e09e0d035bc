#!/usr/bin/env bash
# One-shot topic creation for docker compose (the kafka-setup service). The same topics as the local stack
# creates (TopicNames in libs/contract; a test checks the two lists agree). Idempotent.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
prefix="${NEWSWATCH_TOPIC_PREFIX:-newswatch.}"
partitions="${NEWSWATCH_PARTITIONS:-3}"
topics=/opt/kafka/bin/kafka-topics.sh

stream() {
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$prefix$1" \
    --partitions "$partitions" --replication-factor 1
}
compacted() {
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$prefix$1" \
    --partitions "$partitions" --replication-factor 1 \
    --config cleanup.policy=compact --config min.cleanable.dirty.ratio=0.1 --config segment.ms=3600000
}

stream articles.raw
stream articles.enriched
stream alerts
compacted rules
compacted feeds
compacted feeds.state
compacted stories
stream dlq
echo "topics ready under prefix $prefix"
