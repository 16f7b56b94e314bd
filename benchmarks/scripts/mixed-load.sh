#!/usr/bin/env bash
# The BOR mixed load run of docs/performance.md: a 20 ms stub Pyroscope with 15 apps, every function in one JVM
# (local launcher, embedded PostgreSQL), and one LoadDriver process loading Triage v2, Diff v2 and Fleet v2 at
# once, plus /health of an idle function and of Triage v2 as the harness's own floor. Warm-up discarded.
#
#   benchmarks/scripts/mixed-load.sh [cacheTtlMs=0] [scales="1"] [seconds=40] [warmupSeconds=15]
#
# Each scale (a space-separated list runs a scaling curve against the same launcher, one driver run each)
# multiplies the seeds' mix at 10x peak (Triage 50/s, Diff 30/s, Fleet 20/s). LAUNCHER_JAVA_OPTS sets the
# launcher's JVM options (default: the images' collector settings, see deploy/docker/function.Dockerfile, with a
# fixed 2 GB heap where the images take 75% of the container: on a 24 GB machine 75% is an 18 GB heap whose first
# use page-faults for minutes, see docs/performance.md, while each function's pod has a 384 MB heap).
# NICE=-10 runs the stub, the launcher and the driver at that priority (root only), so that other work sharing
# the machine takes less of their CPU; the docs say for each recorded run whether it was used.
# Ports: BASE_PORT (default 17180) and BASE_PORT-1000 for the stub; pick others if they are taken.
# LAUNCHER_JAR runs another build of the launcher (default local/target/pyrofn-local.jar), for before/after runs.
# FLOOR=off leaves out the two /health routes, so that the launcher's CPU and allocation per BOR request (printed
# after each step: CPU from /proc, allocation from the GC log) count BOR work only.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE_TTL_MS=${1:-0}
SCALES=${2:-1}
SECONDS_MEASURED=${3:-40}
WARMUP=${4:-15}
BASE=${BASE_PORT:-17180}
STUB_PORT=$((BASE - 1000))
JAR=benchmarks/target/benchmarks.jar
RUN=()
[ -n "${NICE:-}" ] && RUN=(nice -n "$NICE")
DATA=$(mktemp -d)
rate() { awk -v r="$1" -v s="$SCALE" 'BEGIN { printf "%g", r * s }'; }
# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
drive() {
  local launcher_cpu stub_cpu
  HEAP_AT_START=$(heap_used_kb)
  GC_LINES_AT_START=$(wc -l < "$DATA/gc.log")
  launcher_cpu=$(cpu_seconds "$LAUNCHER_PID")
  stub_cpu=$(cpu_seconds "$STUB_PID")
  local floor=()
  [ "${FLOOR:-on}" = off ] || floor=("health (idle SOR)|50|1|http://localhost:$((BASE + 14))/health"
    "health (Triage v2)|50|1|http://localhost:$((BASE + 1))/health")
  echo "== scale $SCALE; cache ttl ${CACHE_TTL_MS} ms; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${RUN[@]}" java -cp "$JAR" dev.pyrofn.benchmarks.load.LoadDriver "$WARMUP" "$SECONDS_MEASURED" \
    "${floor[@]}" \
    "Triage v2|$(rate 50)|15|http://localhost:$((BASE + 1))/triage/app-{i}?types=cpu,alloc" \
    "Diff v2|$(rate 30)|15|http://localhost:$((BASE + 3))/diff/app-{i}?type=cpu" \
    "Fleet v2 (15 apps)|$(rate 20)|1|http://localhost:$((BASE + 5))/search?function=Pattern.compile"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  local used bor_requests allocated
  used=$(awk -v a="$launcher_cpu" -v b="$(cpu_seconds "$LAUNCHER_PID")" 'BEGIN { printf "%.2f", b - a }')
  allocated=$(allocated_mb)
  bor_requests=$(awk -v s="$SCALE" -v t="$((WARMUP + SECONDS_MEASURED))" 'BEGIN { printf "%d", (50 + 30 + 20) * s * t }')
  echo "CPU used during warm-up + run: launcher $used s, stub $(awk -v a="$stub_cpu" -v b="$(cpu_seconds "$STUB_PID")" \
    'BEGIN { printf "%.1f", b - a }') s, over $((WARMUP + SECONDS_MEASURED)) s on $(nproc) cores"
  echo "launcher CPU per BOR request: $(awk -v c="$used" -v n="$bor_requests" 'BEGIN { printf "%.1f", 1000 * c / n }') ms" \
    "($bor_requests BOR requests in warm-up + run$([ "${FLOOR:-on}" = off ] || echo ", /health floor included"))"
  echo "launcher allocation: $allocated MB, $(awk -v a="$allocated" -v n="$bor_requests" 'BEGIN { printf "%.2f", a / n }') MB per BOR request"
  gc_pauses
}
# The launcher's GC pauses since the previous call: count, total and longest (from -Xlog:gc).
gc_pauses() {
  local seen=${GC_LINES_SEEN:-0}
  tail -n +$((seen + 1)) "$DATA/gc.log" | grep -o 'Pause.* \([0-9.]*\)ms$' | grep -o '[0-9.]*ms$' | tr -d ms \
    | awk '{ n++; s += $1; if ($1 > m) m = $1 } END { printf "launcher GC pauses: %d, total %.0f ms, longest %.1f ms\n", n, s, m }'
  GC_LINES_SEEN=$(wc -l < "$DATA/gc.log")
}
# The launcher's heap in use now, in KB (jcmd, the JDK's own tool).
heap_used_kb() { jcmd "$LAUNCHER_PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9; }
# MB the launcher allocated since heap_used_kb was last read into HEAP_AT_START and the GC log was at
# GC_LINES_AT_START: the heap in use now, less then, plus all that the GCs in between freed.
allocated_mb() {
  local freed_mb
  freed_mb=$(tail -n +$((GC_LINES_AT_START + 1)) "$DATA/gc.log" | grep 'Pause' | grep -o '[0-9]*M->[0-9]*M' | tr -d M \
    | awk -F'->' '{ f += $1 - $2 } END { print f + 0 }')
  awk -v now="$(heap_used_kb)" -v then="$HEAP_AT_START" -v f="$freed_mb" 'BEGIN { printf "%.0f", (now - then) / 1024 + f }'
}
cleanup() {
  [ -n "${LAUNCHER_PID:-}" ] && kill "$LAUNCHER_PID" 2>/dev/null && wait "$LAUNCHER_PID" 2>/dev/null || true
  [ -n "${STUB_PID:-}" ] && kill "$STUB_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

"${RUN[@]}" java -cp "$JAR" dev.pyrofn.benchmarks.load.StubPyroscope "$STUB_PORT" 20 15 120 > "$DATA/stub.log" 2>&1 &
STUB_PID=$!
# shellcheck disable=SC2086
LOCAL_BASE_PORT=$BASE DATA_DIR="$DATA" PYROSCOPE_URL="http://localhost:$STUB_PORT" \
  PROFILE_CACHE_TTL_MS="$CACHE_TTL_MS" \
  "${RUN[@]}" java ${LAUNCHER_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms2g -Xmx2g -XX:+ExitOnOutOfMemoryError} "-Xlog:gc:file=$DATA/gc.log" \
  -jar "${LAUNCHER_JAR:-local/target/pyrofn-local.jar}" \
  > "$DATA/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$((BASE + 5))/ready" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://localhost:$((BASE + 5))/ready" > /dev/null || { echo "launcher not ready"; tail -20 "$DATA/launcher.log"; exit 1; }
gc_pauses > /dev/null
for SCALE in $SCALES; do
  drive
done
