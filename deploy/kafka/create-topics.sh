#!/usr/bin/env bash
# One-shot topic creation for docker compose (the kafka-setup service). The same topics, with the same settings, as
# the local stack creates (TopicNames and TopicSpec in libs/contract; DockerComposeTest checks the two agree; the
# choices are explained in docs/retention.md). Idempotent: topics that exist get their settings set again, so a
# changed retention reaches an existing deployment at its next `docker compose up`.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
prefix="${NEWSWATCH_TOPIC_PREFIX:-newswatch.}"
partitions="${NEWSWATCH_PARTITIONS:-3}"
bin="${KAFKA_HOME:-/opt/kafka}/bin"

STREAM_SEGMENT_MS=86400000      # 1 day: a record outlives its retention by at most a day
TOMBSTONE_RETENTION_MS=604800000 # 7 days: a consumer away as long as the streams keep records sees every deletion
COMPACTED_SEGMENT_MS=3600000    # 1 hour: only closed segments are compacted

# create NAME SETTINGS: creates the topic if missing, then sets SETTINGS (k=v,k=v) on it either way.
create() {
  local topic="$prefix$1" settings="$2" args=()
  IFS=',' read -ra pairs <<< "$settings"
  for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor 1 "${args[@]}"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$topic" \
    --add-config "$settings"
}
# stream NAME RETENTION_MS: records are deleted once older than the retention.
stream() {
  create "$1" "cleanup.policy=delete,retention.ms=$2,segment.ms=$STREAM_SEGMENT_MS"
}
# compacted NAME: each key's latest value is kept forever; a tombstone for TOMBSTONE_RETENTION_MS.
compacted() {
  create "$1" "cleanup.policy=compact,retention.ms=-1,delete.retention.ms=$TOMBSTONE_RETENTION_MS,min.cleanable.dirty.ratio=0.1,segment.ms=$COMPACTED_SEGMENT_MS"
}

stream articles.raw 604800000        # 7 days
stream articles.enriched 604800000   # 7 days
stream alerts 7776000000             # 90 days: notifications still to settle, recent alerts
compacted alerts.state               # per rule and open story: what was notified (outlives the alerts topic)
compacted rules
compacted feeds
compacted feeds.state
compacted stories
stream dlq 2592000000                # 30 days
echo "topics ready under prefix $prefix"
