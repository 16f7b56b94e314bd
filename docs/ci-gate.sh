#!/usr/bin/env bash
# Gate a deploy on the Diff Report verdict: exit 0 on pass (and warn unless --strict), 1 on fail, 2 when the diff
# could not be computed (bad input, no data, function or upstream down). Prints the Markdown report for the log.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: ci-gate.sh [--strict] [--type cpu] [--window 1h] [--param key=value ...] <diff-url> <app>

  <diff-url>     base URL of ReadPyroscopeDiffReport (v1 or v2), e.g. http://diff.internal:8080
  <app>          the service (Pyroscope service_name) that was just deployed
  --strict       also fail the job on a "warn" verdict
  --type T       profile type to compare (default cpu)
  --window W     compare the last W (now-W..now) with the W before it (default 1h; e.g. 30m, 2h)
  --param k=v    any other Diff parameter (failDelta=3, warnDelta=1, minDelta=0.5, minRateChange=10, minZ=4.5,
                 totalWarn=50, baselineFrom=..., ...)

exit codes: 0 pass (or warn without --strict), 1 fail, 2 the diff could not be computed
environment: CI_GATE_TOKEN (optional bearer token), CURL_OPTS (extra curl options)
needs: curl, jq

example:
  docs/ci-gate.sh --strict --window 30m --param failDelta=3 http://localhost:7083 checkout
USAGE
}

strict=false; type=cpu; window=1h; params=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --strict) strict=true; shift ;;
    --type) type="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --param) params+=("$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
command -v jq >/dev/null || { echo "ci-gate: jq is required" >&2; exit 2; }
base="${1%/}"; app="$2"

args=(--get --silent --show-error --max-time 60 --data-urlencode "type=$type"
      --data-urlencode "from=now-$window" --data-urlencode "to=now")
for p in "${params[@]}"; do args+=(--data-urlencode "$p"); done
[[ -n "${CI_GATE_TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $CI_GATE_TOKEN")
# One request id for both calls, so a v2 function records one History entry for this gate.
args+=(-H "X-Request-Id: ci-gate-${CI_PIPELINE_ID:-$$}-$(date +%s)")
encoded_app=$(jq -rn --arg a "$app" '$a|@uri')

body=$(mktemp); trap 'rm -f "$body"' EXIT
status=$(curl "${args[@]}" ${CURL_OPTS:-} -o "$body" -w '%{http_code}' "$base/diff/$encoded_app") || {
  echo "ci-gate: cannot reach $base" >&2; exit 2; }
if [[ "$status" != 200 ]]; then
  echo "ci-gate: diff answered $status: $(jq -r '.error // .' "$body" 2>/dev/null || cat "$body")" >&2
  exit 2
fi

verdict=$(jq -r '.summary.verdict' "$body")
curl "${args[@]}" ${CURL_OPTS:-} --data-urlencode "format=markdown" "$base/diff/$encoded_app" || true
echo
echo "verdict: $verdict"
# Total cost per second of both windows and the largest grouped change (entry frame), as decided by the function.
jq -r '(.rates.text // empty) | "total cost per second: " + .' "$body"
jq -r '.summary.topChange // empty | "top change: \(.entry.function) (\(.entry.status), inclusive \(.entry.inclusiveDeltaPercent) points, self \(.entry.deltaPercent) points, \(.frames) frames, \(.level))"' "$body"
jq -r '.summary.reasons[]? | "  - " + .' "$body"
case "$verdict" in
  pass) exit 0 ;;
  warn) $strict && exit 1 || exit 0 ;;
  fail) exit 1 ;;
  *) echo "ci-gate: unexpected verdict '$verdict'" >&2; exit 2 ;;
esac
