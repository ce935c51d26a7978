#!/bin/sh
# A client that knows only capsmith's OpenAPI document, curl and jq: it finds each operation's path
# by its operationId, requests a capability from examples, waits for it (long-poll), invokes it and
# reads its SLO. Usage: curl-loop.sh BASE_URL TOKEN
set -eu
BASE="$1"
AUTH="Authorization: Bearer $2"
JSON="Content-Type: application/json"

doc=$(curl -fsS "$BASE/openapi.json")
path_of() {
  printf '%s' "$doc" | jq -r --arg op "$1" '.paths | to_entries[] | .key as $path | .value | to_entries[] | select(.value.operationId == $op) | $path'
}
REQUEST=$(path_of requestCapability)
GET_REQUEST=$(path_of getRequest)
INVOKE=$(path_of invoke)
SLO=$(path_of sloView)

# 1. Ask for a capability the hub does not have, with a description and examples.
answer=$(curl -sS -X POST "$BASE$REQUEST" -H "$AUTH" -H "$JSON" -d '{
  "capability": "basket_total",
  "description": "sum of qty times price over the items",
  "examples": [
    {"input": {"items": [{"qty": 2, "price": 3}]}, "output": 6},
    {"input": {"items": [{"qty": 1, "price": 5}, {"qty": 3, "price": 1}]}, "output": 8},
    {"input": {"items": [{"qty": 3, "price": 2}, {"qty": 2, "price": 4}, {"qty": 1, "price": 1}]}, "output": 15},
    {"input": {"items": []}, "output": 0}
  ]
}')
echo "requested: $(printf '%s' "$answer" | jq -c '{status, phase}')"

# 2. Wait for it: long-poll the request until it is settled.
id=$(printf '%s' "$answer" | jq -r .requestId)
status=$(printf '%s' "$answer" | jq -r .status)
tries=0
while [ "$status" = pending ] || [ "$status" = awaiting_approval ]; do
  tries=$((tries + 1))
  [ "$tries" -le 10 ] || { echo "gave up waiting: $answer" >&2; exit 1; }
  answer=$(curl -sS "$BASE$(printf '%s' "$GET_REQUEST" | sed "s/{id}/$id/")?wait=20" -H "$AUTH")
  status=$(printf '%s' "$answer" | jq -r .status)
done
[ "$status" = ready ] || { echo "not ready: $answer" >&2; exit 1; }
plugin=$(printf '%s' "$answer" | jq -r .pluginId)
capability=$(printf '%s' "$answer" | jq -r .capability)
echo "ready: $plugin"

# 3. Invoke it.
out=$(curl -sS -X POST "$BASE$(printf '%s' "$INVOKE" | sed "s/{capability}/$capability/")" -H "$AUTH" -H "$JSON" -d '{"input": {"items": [{"qty": 4, "price": 2}, {"qty": 1, "price": 2}]}}')
printf '%s' "$out" | jq -e '.ok == true and .output == 10' > /dev/null || { echo "bad invoke: $out" >&2; exit 1; }
echo "invoked: $(printf '%s' "$out" | jq -c .output)"

# 4. Read its SLO.
slo=$(curl -sS "$BASE$SLO?window=1h&plugin=$plugin" -H "$AUTH")
printf '%s' "$slo" | jq -e '.plugins[0].current.calls == 1 and .plugins[0].current.availability == 1' > /dev/null || { echo "bad slo: $slo" >&2; exit 1; }
echo "slo: $(printf '%s' "$slo" | jq -c '.plugins[0].current | {calls, availability, p50: .latencyMs.p50}')"
