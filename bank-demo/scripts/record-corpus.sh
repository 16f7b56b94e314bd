#!/usr/bin/env bash
# Records real collapsed CPU profiles of the seven bank services under load and writes them into the triage
# corpus: analysis/src/test/resources/triage-corpus/bank-<service>.cpu.collapsed (+ .label.properties).
#
#   record-corpus.sh [--warmup 30s] [--duration 40s] [--rate 200] [--concurrency 4] [--out DIR]
#
# How: the seven services run with the real Pyroscope agent in file mode (PROFILE_DIR, 5 s JFR snapshots with
# itimer CPU samples, alloc 512k, lock 10ms). A mixed warm-up load runs first, so JIT compilation and class loading
# of start-up do not dominate; then each service is loaded alone for --duration (all seven stay up, so the gateway's
# fan-out really reaches the others), at most --concurrency requests in flight. The snapshots that started after
# the warm-up are folded into collapsed stacks by dev.pyrofn.bank.profiling.JfrToCollapsed (root first, Java
# frames in slash form: java/util/regex/Pattern.compile, as Pyroscope stores them).
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/bank-demo.jar"
warmup="30s"; duration="40s"; rate="200"; concurrency="4"; out="$ROOT/analysis/src/test/resources/triage-corpus"
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --rate) rate="$2"; shift ;;
    --concurrency) concurrency="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

SERVICES=(api-gateway order payment fraud account loan notification)
PORTS=(8080 8081 8082 8083 8084 8085 8086)
# service -> the Triage rule id its top finding must be, and findings it must not produce
declare -A EXPECTED=([api-gateway]=serialization_overhead [order]=regex_compilation [payment]=string_building
  [fraud]=regex_compilation [account]=boxing_overhead [loan]=exception_overhead [notification]=string_building)
declare -A FORBIDDEN=([api-gateway]=crypto_overhead,exception_overhead [order]=crypto_overhead,exception_overhead
  [payment]=regex_compilation,exception_overhead [fraud]=crypto_overhead,exception_overhead
  [account]=crypto_overhead,regex_compilation [loan]=crypto_overhead,regex_compilation
  [notification]=crypto_overhead,regex_compilation,exception_overhead)

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -pl bank-demo package -DskipTests)
work="$(mktemp -d)"
trap 'for f in "$work"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done' EXIT

for i in "${!SERVICES[@]}"; do
  service="${SERVICES[$i]}"
  SERVICE="$service" PORT="${PORTS[$i]}" PROFILE_DIR="$work/jfr/$service" PROFILE_INTERVAL=5s \
    java -Xmx256m -jar "$JAR" >"$work/$service.log" 2>&1 &
  echo $! >"$work/$service.pid"
done
for port in "${PORTS[@]}"; do
  deadline=$((SECONDS + 90))
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "port $port did not come up" >&2; exit 1; }
    sleep 0.5
  done
done

echo "== warm-up: all seven for $warmup"
java -cp "$JAR" dev.pyrofn.bank.load.LoadGenerator --duration "$warmup" --rate 100 --progress 10s | tail -1
profile_from_ms="$(date +%s%3N)"
for i in "${!SERVICES[@]}"; do
  echo "== loading bank-${SERVICES[$i]} for $duration"
  java -cp "$JAR" dev.pyrofn.bank.load.LoadGenerator --duration "$duration" --rate "$rate" \
    --concurrency "$concurrency" --progress 10s --targets "${SERVICES[$i]}=http://127.0.0.1:${PORTS[$i]}" | tail -3
done

for service in "${SERVICES[@]}"; do kill "$(cat "$work/$service.pid")"; done
for service in "${SERVICES[@]}"; do
  pid="$(cat "$work/$service.pid")"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$work/$service.pid"
done

mkdir -p "$out"
recorded="$(date -u +%Y-%m-%d)"
for service in "${SERVICES[@]}"; do
  src="$work/bank-$service.cpu.collapsed"
  snapshots=()
  for f in "$work/jfr/$service"/*.jfr; do
    started="$(basename "$f" .jfr | sed 's/.*-\([0-9]\{13\}\)-[0-9]*$/\1/')"
    [ "$started" -ge "$profile_from_ms" ] && snapshots+=("$f")
  done
  [ ${#snapshots[@]} -gt 0 ] || { echo "no snapshot after warm-up for $service (see $work/$service.log)" >&2; exit 1; }
  java -cp "$JAR" dev.pyrofn.bank.profiling.JfrToCollapsed "$src" "${snapshots[@]}"
  cp "$src" "$out/bank-$service.cpu.collapsed"
  cat >"$out/bank-$service.label.properties" <<PROPS
type=cpu
expected=${EXPECTED[$service]}
forbidden=${FORBIDDEN[$service]}
source=bank-demo bank-$service under LoadGenerator ($warmup mixed warm-up not profiled, then this service alone for $duration, max $concurrency in flight, all seven up), Pyroscope agent 2.9.2 file mode (itimer JFR snapshots) folded by JfrToCollapsed, JDK $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), recorded $recorded by bank-demo/scripts/record-corpus.sh
PROPS
  echo "bank-$service: $(wc -l <"$out/bank-$service.cpu.collapsed") stacks, $(awk '{s+=$NF} END {print s}' "$out/bank-$service.cpu.collapsed") samples"
done
rm -rf "$work"
