#!/usr/bin/env bash
# Stops and removes the demo stack's containers and network. Data volumes (profiles, metrics, dashboards state,
# PostgreSQL) are kept unless --volumes is given.
#
#   teardown.sh [--volumes] [--images] [--yes]
#
#   --volumes  also delete the named volumes (all profiles, metrics, baselines and history are lost)
#   --images   also delete the images built for the stack (pyrofn/bank-demo, pyrofn/sor, pyrofn/bor)
#   --yes      do not ask before deleting volumes
#
# Exit status: 0 done, 1 failed or refused, 2 usage error.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
here="$(cd "$(dirname "$0")/.." && pwd)"
volumes=false; images=false; yes=false
while [ $# -gt 0 ]; do
  case "$1" in
    --volumes) volumes=true ;;
    --images) images=true ;;
    --yes) yes=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

command -v docker >/dev/null 2>&1 || { echo "docker is not installed" >&2; exit 1; }
args=(down --remove-orphans)
if [ "$volumes" = true ]; then
  if [ "$yes" != true ]; then
    [ -t 0 ] || { echo "--volumes deletes all data: add --yes when not on a terminal" >&2; exit 1; }
    read -r -p "delete every volume of the stack (profiles, metrics, PostgreSQL)? [y/N] " answer
    [ "$answer" = y ] || [ "$answer" = Y ] || { echo "kept the volumes; nothing was removed" >&2; exit 1; }
  fi
  args+=(--volumes)
fi
[ "$images" = true ] && args+=(--rmi local)
docker compose -f "$here/docker-compose.yml" --project-directory "$here" "${args[@]}"
echo "stack removed$([ "$volumes" = true ] && echo ", volumes deleted")"
