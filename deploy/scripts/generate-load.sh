#!/usr/bin/env bash
# Sends bounded, open-loop load to the bank services with the Java load generator
# (dev.pyrofn.bank.load.LoadGenerator in bank-demo.jar), so Pyroscope and Prometheus have something to show.
#
#   generate-load.sh [--duration 60s] [--rate 50] [--concurrency 32] [--targets all|NAME,NAME|name=url,…]
#                    [--host localhost]
#
#   --duration     how long: 30s, 5m, 1500ms (at most 1h)                               [60s]
#   --rate         requests per second over all targets (1-500)                          [50]
#   --concurrency  requests in flight at most (1-256)                                    [32]
#   --targets      all, or service names (api-gateway,order,payment,fraud,account,loan,notification), or
#                  name=http://host:port entries for services elsewhere                   [all]
#   --host         host of the named services (their ports are 8080-8086)                [localhost]
#
# BANK_JAR points at bank-demo.jar [bank-demo/target/bank-demo.jar] (BANK_CLASSPATH, when set, is used as the class
# path instead: tests run the generator from their own class path); JAVA at the java binary [java].
# Exit status: the load generator's (0, or 1 when every request failed); 2 on a usage error.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die_usage() { echo "generate-load.sh: $*" >&2; usage >&2; exit 2; }

root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${BANK_JAR:-$root/bank-demo/target/bank-demo.jar}"
duration="60s"; rate="50"; concurrency="32"; targets="all"; host="localhost"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:-}"; shift ;;
    --rate) rate="${2:-}"; shift ;;
    --concurrency) concurrency="${2:-}"; shift ;;
    --targets) targets="${2:-}"; shift ;;
    --host) host="${2:-}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
  shift
done

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
  if [[ "$entry" == *=* ]]; then
    resolved="$resolved${resolved:+,}$entry"
  elif port=$(port_of "$entry"); then
    resolved="$resolved${resolved:+,}$entry=http://$host:$port"
  else
    die_usage "unknown target '$entry' (services: api-gateway order payment fraud account loan notification)"
  fi
done

classpath="${BANK_CLASSPATH:-$jar}"
[ -n "${BANK_CLASSPATH:-}" ] || [ -f "$jar" ] || { echo "generate-load.sh: $jar not found; build it: ./mvnw -q -pl bank-demo package -DskipTests" >&2; exit 1; }
echo "load: $duration at $rate req/s, concurrency $concurrency, targets $resolved"
exec "${JAVA:-java}" -Xmx256m -cp "$classpath" dev.pyrofn.bank.load.LoadGenerator \
  --duration "$duration" --rate "$rate" --concurrency "$concurrency" --targets "$resolved"
