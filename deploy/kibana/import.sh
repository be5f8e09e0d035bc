#!/bin/sh
# Imports newswatch's Kibana saved objects (data views, visualizations, the map, the "Latest alerts" search and
# the "newswatch overview" dashboard) through Kibana's saved-objects API, overwriting older copies. Idempotent.
# Runs as the one-shot setup service of docker-compose, or by hand:
#
#   KIBANA_URL=http://localhost:5601 deploy/kibana/import.sh
#
# KIBANA_URL (default http://kibana:5601), KIBANA_USERNAME and KIBANA_PASSWORD (when security is on),
# KIBANA_WAIT_SECONDS (default 300): how long to wait for Kibana to be available.
set -eu

url="${KIBANA_URL:-http://kibana:5601}"
file="$(dirname "$0")/newswatch.ndjson"
wait="${KIBANA_WAIT_SECONDS:-300}"
auth=""
if [ -n "${KIBANA_USERNAME:-}" ]; then
  auth="-u ${KIBANA_USERNAME}:${KIBANA_PASSWORD:-}"
fi

echo "Waiting for Kibana at $url (up to $wait s)..."
deadline=$(( $(date +%s) + wait ))
# shellcheck disable=SC2086
until curl -fsS $auth --max-time 5 "$url/api/status" 2>/dev/null | grep -q '"level":"available"'; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "Kibana at $url did not become available within $wait s" >&2
    exit 1
  fi
  sleep 5
done

echo "Importing $file"
# shellcheck disable=SC2086
answer="$(curl -fsS $auth --max-time 60 -X POST "$url/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: newswatch' --form "file=@$file")"
echo "$answer"
echo "$answer" | grep -q '"success":true' || { echo "Kibana refused some saved objects (see above)" >&2; exit 1; }
