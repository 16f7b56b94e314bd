#!/usr/bin/env bash
# Starts or stops the seven bank services as plain JVMs on one machine (no Docker).
#
#   run-estate.sh start [--agent | --profile-dir DIR] [--run-dir DIR]
#   run-estate.sh stop  [--run-dir DIR]
#
#   --agent            attach the Pyroscope agent through JAVA_TOOL_OPTIONS and upload to
#                      PYROSCOPE_SERVER_ADDRESS (default http://localhost:4040)
#   --profile-dir DIR  no server: the agent runs in-process and writes JFR snapshots to DIR/<service>/
#   --run-dir DIR      where pid and log files go (default bank-demo/target/estate)
#
# Ports 8080-8086 (see docs/bank-demo.md). Only the processes this script started are stopped, by pid.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$HERE/target/bank-demo.jar"
AGENT="$HERE/target/pyroscope-agent.jar"
SERVICES=(api-gateway order payment fraud account loan notification)
PORTS=(8080 8081 8082 8083 8084 8085 8086)

command="${1:-}"; shift || true
mode="plain"; profile_dir=""; run_dir="$HERE/target/estate"
while [ $# -gt 0 ]; do
  case "$1" in
    --agent) mode="agent" ;;
    --profile-dir) mode="file"; profile_dir="$2"; shift ;;
    --run-dir) run_dir="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

start_one() {
  local service="$1" port="$2"
  local app="bank-$service-service"
  [ "$service" = "api-gateway" ] && app="bank-api-gateway"
  local -a env_vars=(SERVICE="$service" PORT="$port")
  case "$mode" in
    agent)
      env_vars+=(JAVA_TOOL_OPTIONS="-javaagent:$AGENT"
        PYROSCOPE_APPLICATION_NAME="$app"
        PYROSCOPE_SERVER_ADDRESS="${PYROSCOPE_SERVER_ADDRESS:-http://localhost:4040}"
        PYROSCOPE_FORMAT=jfr
        PYROSCOPE_PROFILER_EVENT=itimer
        PYROSCOPE_PROFILER_ALLOC=512k
        PYROSCOPE_PROFILER_LOCK=10ms
        PYROSCOPE_LABELS="env=${BANK_ENV:-demo},service=$app"
        PYROSCOPE_UPLOAD_INTERVAL="${PYROSCOPE_UPLOAD_INTERVAL:-10s}") ;;
    file)
      env_vars+=(PROFILE_DIR="$profile_dir/$service" PROFILE_INTERVAL="${PROFILE_INTERVAL:-10s}") ;;
  esac
  env "${env_vars[@]}" java -Xmx256m -jar "$JAR" >"$run_dir/$service.log" 2>&1 &
  echo $! >"$run_dir/$service.pid"
  echo "started $app on port $port (pid $!, log $run_dir/$service.log)"
}

wait_healthy() {
  local port="$1" deadline=$((SECONDS + 60))
  until curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "port $port not healthy after 60s" >&2; return 1; fi
    sleep 0.5
  done
}

case "$command" in
  start)
    [ -f "$JAR" ] || { echo "build first: ./mvnw -pl bank-demo package -DskipTests" >&2; exit 1; }
    mkdir -p "$run_dir"
    for i in "${!SERVICES[@]}"; do start_one "${SERVICES[$i]}" "${PORTS[$i]}"; done
    for port in "${PORTS[@]}"; do wait_healthy "$port"; done
    echo "estate is up: http://127.0.0.1:8080/api/status"
    ;;
  stop)
    for service in "${SERVICES[@]}"; do
      pid_file="$run_dir/$service.pid"
      if [ -f "$pid_file" ]; then
        kill "$(cat "$pid_file")" 2>/dev/null || true
        rm -f "$pid_file"
        echo "stopped $service"
      fi
    done
    ;;
  *)
    sed -n '2,12p' "$0"; exit 2 ;;
esac
