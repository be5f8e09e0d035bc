#!/bin/bash
# The session 9 harnesses (docs/perf/README.md, "Kafka clients and indexer, session 9"), against the local stack
# (./newswatch stack up; NEWSWATCH_KAFKA_PORT and NEWSWATCH_ELASTICSEARCH_PORT as for it). Clients of the services'
# versions from the Maven repository in M2 (default ~/.m2/repository).
#   run.sh compression ROUNDS WARMUP MEASURE CODECS...   e.g. run.sh compression 2 20 40 none lz4 zstd
#   run.sh idle CONSUMERS MIN_BYTES WAIT WARMUP MEASURE   e.g. run.sh idle 6 65536 250 10 30
#   run.sh alias CALLS                                    e.g. run.sh alias 2000
set -e
here=$(cd "$(dirname "$0")" && pwd); home=$(cd "$here/../../.." && pwd)
M2=${M2:-$HOME/.m2/repository}
CP=$M2/org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar:$M2/at/yawk/lz4/lz4-java/1.10.1/lz4-java-1.10.1.jar:$M2/com/github/luben/zstd-jni/1.5.6-10/zstd-jni-1.5.6-10.jar:$M2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar
KAFKA=localhost:${NEWSWATCH_KAFKA_PORT:-9092}
KPID=$(cut -d' ' -f1 "$home/.newswatch/run/kafka.pid"); EPID=$(cut -d' ' -f1 "$home/.newswatch/run/elasticsearch.pid")
classes=$(mktemp -d); javac -cp "$CP" -d "$classes" "$here/PipelineCompression.java" "$here/IdleConsumers.java"
what=$1; shift
case $what in
  compression) rounds=$1 warm=$2 measure=$3; shift 3
    for r in $(seq "$rounds"); do for codec in "$@"; do
      java -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$classes:$CP" PipelineCompression "$KAFKA" "$KPID" "$codec" 100 "$warm" "$measure" 2>&1 | grep codec=
    done; done ;;
  idle) java -Xmx256m -cp "$classes:$CP" IdleConsumers "$KAFKA" "$KPID" "$@" 2>&1 | grep consumers= ;;
  alias) python3 "$here/alias_cost.py" "http://localhost:${NEWSWATCH_ELASTICSEARCH_PORT:-9200}" "$EPID" "$1" ;;
esac
