#!/usr/bin/env bash
# Records real collapsed CPU profiles of the seven bank services under load and writes them into the triage
# corpus: analysis/src/test/resources/triage-corpus/bank-<service>.cpu.collapsed (+ .label.properties).
#
#   record-corpus.sh [--duration 30s] [--rate 200] [--concurrency 4] [--out DIR]
#
# --duration is per service: the services are loaded one after the other (all seven stay up, so the gateway's
# fan-out really reaches the others), each at most --concurrency requests in flight, so that the steady-state
# work, not JIT warm-up, dominates every profile even on a 2-core machine.
#
# How: every service JVM runs with async-profiler 4.1 (tools.profiler:async-profiler from Maven Central) as
# -agentpath:libasyncProfiler.so=start,event=itimer,collapsed,file=... ; itimer works in containers without
# perf_events. The LoadGenerator drives one service per phase; on shutdown each JVM dumps its collapsed stacks
# (root first, Java frames in slash form: java/util/regex/Pattern.compile). The Pyroscope agent is NOT attached
# here: one JVM can host only one async-profiler.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/bank-demo.jar"
duration="30s"; rate="200"; concurrency="4"; out="$ROOT/analysis/src/test/resources/triage-corpus"
while [ $# -gt 0 ]; do
  case "$1" in
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

ap_jar="$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar"
[ -f "$ap_jar" ] || (cd "$ROOT" && ./mvnw -q dependency:get -Dartifact=tools.profiler:async-profiler:4.1)
case "$(uname -m)" in aarch64|arm64) platform=linux-arm64 ;; *) platform=linux-x64 ;; esac
unzip -q -o -j "$ap_jar" "$platform/libasyncProfiler.so" -d "$work"
lib="$work/libasyncProfiler.so"

for i in "${!SERVICES[@]}"; do
  service="${SERVICES[$i]}"
  SERVICE="$service" PORT="${PORTS[$i]}" java -Xmx256m \
    "-agentpath:$lib=start,event=itimer,collapsed,file=$work/bank-$service.cpu.collapsed" \
    -jar "$JAR" >"$work/$service.log" 2>&1 &
  echo $! >"$work/$service.pid"
done
for port in "${PORTS[@]}"; do
  deadline=$((SECONDS + 90))
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "port $port did not come up" >&2; exit 1; }
    sleep 0.5
  done
done

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
  [ -s "$src" ] || { echo "no profile for $service (see $work/$service.log)" >&2; exit 1; }
  cp "$src" "$out/bank-$service.cpu.collapsed"
  cat >"$out/bank-$service.label.properties" <<PROPS
type=cpu
expected=${EXPECTED[$service]}
forbidden=${FORBIDDEN[$service]}
source=bank-demo bank-$service under LoadGenerator (one service per phase, $duration, max $concurrency in flight, all seven up), async-profiler 4.1 -agentpath event=itimer collapsed, JDK $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), recorded $recorded by bank-demo/scripts/record-corpus.sh
PROPS
  echo "bank-$service: $(wc -l <"$out/bank-$service.cpu.collapsed") stacks, $(awk '{s+=$NF} END {print s}' "$out/bank-$service.cpu.collapsed") samples"
done
rm -rf "$work"
