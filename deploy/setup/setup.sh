#!/usr/bin/env bash
# One-shot setup of Elasticsearch for docker compose (the elasticsearch-setup service), idempotent:
# kibana_system's password; a role and a user for the newswatch services (manage_index_templates: the indexer
# installs the index templates of deploy/elasticsearch and the first index behind each alias at start, as it does
# locally; manage_ilm: it keeps its retention policies). Kibana's saved objects: deploy/kibana/import.sh.
set -euo pipefail
es="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"
auth="elastic:${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"

call() { # call METHOD PATH [BODY-FILE|-]: fails on HTTP >= 400 with Elasticsearch's answer
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -u "$auth" -X "$method" -H 'Content-Type: application/json' -o /tmp/answer -w '%{http_code}')
  [ -n "$body" ] && args+=(--data-binary "@$body")
  local code
  code="$(curl "${args[@]}" "$es$path")"
  if [ "$code" -ge 400 ]; then
    echo "$method $path -> HTTP $code: $(cat /tmp/answer)" >&2
    return 1
  fi
}

echo "waiting for Elasticsearch at $es"
until curl -s -u "$auth" "$es/_cluster/health?wait_for_status=yellow&timeout=5s" | grep -q '"status"'; do sleep 3; done

echo "users and roles"
printf '{"password":"%s"}' "${KIBANA_PASSWORD:?KIBANA_PASSWORD is not set}" > /tmp/kibana-password.json
call POST /_security/user/kibana_system/_password /tmp/kibana-password.json
cat > /tmp/role.json <<JSON
{"cluster": ["monitor", "manage_index_templates", "manage_ilm"],
 "indices": [{"names": ["${NEWSWATCH_INDEX_PREFIX:-newswatch}-*"],
              "privileges": ["create_index", "index", "delete", "read", "view_index_metadata", "manage", "manage_ilm"]}]}
JSON
call PUT /_security/role/newswatch_service /tmp/role.json
printf '{"password":"%s","roles":["newswatch_service"],"full_name":"newswatch services"}' \
  "${NEWSWATCH_ELASTICSEARCH_PASSWORD:?NEWSWATCH_ELASTICSEARCH_PASSWORD is not set}" > /tmp/user.json
call PUT "/_security/user/${NEWSWATCH_ELASTICSEARCH_USERNAME:-newswatch}" /tmp/user.json

echo "Elasticsearch setup done"
