#!/usr/bin/env bash
# Builds the images and starts the whole demo stack with Docker Compose, waits until every container is healthy,
# then runs validate.sh.
#
#   deploy.sh [--no-build] [--no-validate] [--timeout SECONDS]
#
#   --no-build     start with the images already built (pyrofn/bank-demo, pyrofn/sor, pyrofn/bor)
#   --no-validate  do not run validate.sh at the end
#   --timeout      how long to wait for healthy containers                                    [300]
#
# Credentials: GRAFANA_ADMIN_USER/GRAFANA_ADMIN_PASSWORD (admin/admin), POSTGRES_PASSWORD, FUNCTIONS_TOKEN (the
# functions' bearer token: SORs accept it for writes, BORs send it), read from the environment or deploy/.env. Exit status: 0 deployed (and valid), 1 failed, 2 usage error.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
here="$(cd "$(dirname "$0")/.." && pwd)"
build=true; validate=true; timeout=300
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false ;;
    --no-validate) validate=false ;;
    --timeout) timeout="${2:-}"; shift
      [[ "$timeout" =~ ^[0-9]+$ ]] || { echo "--timeout needs seconds" >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

command -v docker >/dev/null 2>&1 || { echo "docker is not installed" >&2; exit 1; }
docker compose version >/dev/null 2>&1 || { echo "the docker compose plugin is not installed" >&2; exit 1; }
compose=(docker compose -f "$here/docker-compose.yml" --project-directory "$here")

if [ "$build" = true ]; then
  echo "building images (first build downloads Maven dependencies: a few minutes)"
  "${compose[@]}" build
fi
"${compose[@]}" up -d --no-build

echo "waiting up to ${timeout}s for every container to be healthy"
deadline=$((SECONDS + timeout))
while :; do
  # one line per container: name state health ("" when the container has no health check)
  not_ready=$("${compose[@]}" ps --all --format '{{.Name}} {{.State}} {{.Health}}' \
    | awk '$2 != "running" || ($3 != "" && $3 != "healthy")')
  [ -z "$not_ready" ] && break
  if [ $SECONDS -ge $deadline ]; then
    echo "not healthy after ${timeout}s:" >&2; echo "$not_ready" >&2
    echo "logs: docker compose -f $here/docker-compose.yml logs <name>" >&2
    exit 1
  fi
  sleep 5
done
echo "stack is up: Grafana http://localhost:3000  Prometheus http://localhost:9090  Pyroscope http://localhost:4040"

if [ "$validate" = true ]; then
  # --fresh: no load has run yet, so services without profiles are WARN; the runbook's next steps are the load
  # and a plain validate.sh, which then requires profiles of every service.
  "$here/scripts/validate.sh" --fresh
  echo "next: bash scripts/generate-load.sh (5 minutes), then bash scripts/validate.sh"
fi
