#!/usr/bin/env bash
# Sends bounded, open-loop load to the bank services with the Java load generator
# (dev.pyrofn.bank.load.LoadGenerator), so Pyroscope and Prometheus have something to show. It runs inside the bank
# image the stack already built (pyrofn/bank-demo): the host needs Docker only, no JDK and no Maven build.
#
#   generate-load.sh [URL …] [SECONDS] [--duration 5m] [--rate 50] [--concurrency 32]
#                    [--targets all|NAME,NAME|name=url,…] [--host localhost]
#
#   URL …          target services as URLs, named by their port (8080 api-gateway … 8086 notification), e.g.
#                  generate-load.sh http://localhost:8080 http://localhost:8083 300
#   SECONDS        how long, in seconds (the same as --duration SECONDSs)
#   --duration     how long: 30s, 5m, 1500ms (at most 1h)                               [300s]
#   --rate         requests per second over all targets (1-500)                          [50]
#   --concurrency  requests in flight at most (1-256)                                    [32]
#   --targets      all, or service names (api-gateway,order,payment,fraud,account,loan,notification), or
#                  name=http://host:port entries for services elsewhere                   [all]
#   --host         host of the named services (their ports are 8080-8086)                [localhost]
#
# Where the generator runs (LOAD_RUNNER): docker (default when the docker CLI is there) runs
# `docker run --rm --network host BANK_IMAGE` [pyrofn/bank-demo:0.1.0], so localhost is the Docker host; java runs
# it on this host from BANK_JAR [bank-demo/target/bank-demo.jar] (BANK_CLASSPATH, when set, is the class path and
# implies java: tests run the generator from their own class path) with JAVA [java].
# Exit status: the load generator's (0, or 1 when every request failed); 1 when neither runner can start; 2 on a
# usage error.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die_usage() { echo "generate-load.sh: $*" >&2; usage >&2; exit 2; }

root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${BANK_JAR:-$root/bank-demo/target/bank-demo.jar}"
image="${BANK_IMAGE:-pyrofn/bank-demo:0.1.0}"
duration="300s"; rate="50"; concurrency="32"; targets="all"; host="localhost"; urls=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:-}"; shift ;;
    --rate) rate="${2:-}"; shift ;;
    --concurrency) concurrency="${2:-}"; shift ;;
    --targets) targets="${2:-}"; shift ;;
    --host) host="${2:-}"; shift ;;
    -h|--help) usage; exit 0 ;;
    http://*|https://*) urls="$urls${urls:+,}${1%/}" ;;
    *) if [[ "$1" =~ ^[0-9]+$ ]]; then duration="${1}s"; else die_usage "unknown argument: $1"; fi ;;
  esac
  shift
done
if [ -n "$urls" ]; then
  [ "$targets" = all ] || die_usage "give target URLs or --targets, not both"
  targets="$urls"
fi

# Bounds are checked here too, so a typo fails in a second with a usage line instead of a JVM start.
duration_ms() {
  case "$1" in
    *ms) echo "${1%ms}" ;;
    *s) echo $(( ${1%s} * 1000 )) ;;
    *m) echo $(( ${1%m} * 60000 )) ;;
    *h) echo $(( ${1%h} * 3600000 )) ;;
    *) return 1 ;;
  esac
}
[[ "$duration" =~ ^[0-9]+(ms|s|m|h)$ ]] || die_usage "--duration must look like 30s, 5m or 1500ms (got '$duration')"
ms=$(duration_ms "$duration")
{ [ "$ms" -ge 1 ] && [ "$ms" -le 3600000 ]; } || die_usage "--duration must be between 1ms and 1h (got $duration)"
[[ "$rate" =~ ^[0-9]+$ ]] && [ "$rate" -ge 1 ] && [ "$rate" -le 500 ] || die_usage "--rate must be 1-500 (got '$rate')"
[[ "$concurrency" =~ ^[0-9]+$ ]] && [ "$concurrency" -ge 1 ] && [ "$concurrency" -le 256 ] \
  || die_usage "--concurrency must be 1-256 (got '$concurrency')"

port_of() {
  case "$1" in
    api-gateway) echo 8080 ;; order) echo 8081 ;; payment) echo 8082 ;; fraud) echo 8083 ;;
    account) echo 8084 ;; loan) echo 8085 ;; notification) echo 8086 ;; *) return 1 ;;
  esac
}
if [ "$targets" = all ]; then targets="api-gateway,order,payment,fraud,account,loan,notification"; fi
resolved=""
IFS=',' read -r -a entries <<<"$targets"
for entry in "${entries[@]}"; do
  if [[ "$entry" == *=* ]] || [[ "$entry" == http://* ]] || [[ "$entry" == https://* ]]; then
    resolved="$resolved${resolved:+,}$entry"
  elif port=$(port_of "$entry"); then
    resolved="$resolved${resolved:+,}$entry=http://$host:$port"
  else
    die_usage "unknown target '$entry' (services: api-gateway order payment fraud account loan notification)"
  fi
done

runner="${LOAD_RUNNER:-}"
if [ -z "$runner" ]; then
  if [ -n "${BANK_CLASSPATH:-}" ]; then runner=java
  elif command -v docker >/dev/null 2>&1; then runner=docker
  else runner=java; fi
fi
generator_args=(dev.pyrofn.bank.load.LoadGenerator --duration "$duration" --rate "$rate" --concurrency "$concurrency"
  --targets "$resolved")
echo "load: $duration at $rate req/s, concurrency $concurrency, targets $resolved ($runner)"
case "$runner" in
  docker)
    command -v docker >/dev/null 2>&1 || { echo "generate-load.sh: docker is not installed (LOAD_RUNNER=java runs it with a local JDK)" >&2; exit 1; }
    docker image inspect "$image" >/dev/null 2>&1 \
      || { echo "generate-load.sh: image $image not found; build it first: scripts/deploy.sh (or docker compose build)" >&2; exit 1; }
    # Host networking: the targets are the ports the stack publishes on this host, exactly as for a curl here.
    exec docker run --rm --network host --entrypoint java "$image" -Xmx256m -cp /app/bank-demo.jar "${generator_args[@]}" ;;
  java)
    classpath="${BANK_CLASSPATH:-$jar}"
    [ -n "${BANK_CLASSPATH:-}" ] || [ -f "$jar" ] || { echo "generate-load.sh: $jar not found; build it: ./mvnw -q -pl bank-demo -am package -DskipTests (or use Docker: LOAD_RUNNER=docker)" >&2; exit 1; }
    command -v "${JAVA:-java}" >/dev/null 2>&1 || { echo "generate-load.sh: ${JAVA:-java} not found (LOAD_RUNNER=docker runs it in the bank image)" >&2; exit 1; }
    exec "${JAVA:-java}" -Xmx256m -cp "$classpath" "${generator_args[@]}" ;;
  *) die_usage "LOAD_RUNNER must be docker or java (got '$runner')" ;;
esac
