#!/usr/bin/env bash
# Checks the demo stack against the runbook's verification checklist (docs/runbook.md#verification) and prints one
# PASS / FAIL / WARN line per check, then a SUMMARY line. Exit status: 0 when nothing failed, 1 when a check failed,
# 2 on a usage error.
#
#   validate.sh            the Docker stack (deploy.sh, Ansible or Terraform) on this host
#   validate.sh --local    services started as plain JVMs (bank-demo/scripts/run-estate.sh, the local launcher):
#                          checks what can exist there and reports the rest as WARN, never as PASS
#   validate.sh --fresh    right after deploying, before any load: a service without profiles yet is WARN, not
#                          FAIL (deploy.sh and the Ansible deploy use it; run plain validate.sh after the load)
#
# Where things are (defaults in brackets; --local leaves the unset ones out, with a WARN):
#   VALIDATE_HOST    host of every default URL [localhost]
#   BANK_URLS        comma list name=url of the bank services [api-gateway=http://HOST:8080,…,notification=…:8086]
#   FUNCTION_URLS    comma list name=url of the functions [fn-profile-data=http://HOST:7090,… as in docker-compose.yml]
#   PROMETHEUS_URL [http://HOST:9090]   GRAFANA_URL [http://HOST:3000]   PYROSCOPE_URL [http://HOST:4040]
#   GRAFANA_ADMIN_USER / GRAFANA_ADMIN_PASSWORD [admin/admin]   CURL_TIMEOUT [10] s
set -euo pipefail

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

mode="docker"
fresh=false
while [ $# -gt 0 ]; do
  case "$1" in
    --local) mode="local" ;;
    --fresh) fresh=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

host="${VALIDATE_HOST:-localhost}"
timeout="${CURL_TIMEOUT:-10}"
bank_services=(api-gateway order payment fraud account loan notification)
bank_ports=(8080 8081 8082 8083 8084 8085 8086)
functions=(fn-profile-data fn-baseline fn-history fn-registry fn-alert-rule fn-triage fn-diff-report fn-fleet-search fn-alert-evaluation)
function_ports=(7090 7091 7092 7093 7094 7081 7083 7085 7086)
app_name() { # SERVICE value -> Pyroscope application, service label and container name
  if [ "$1" = api-gateway ]; then echo bank-api-gateway; else echo "bank-$1-service"; fi
}
alerts=(HighCpuUsage HighHeapUsage HighGcPauseRate HighErrorRate HighLatency ServiceDown ProfilingRuleBreached ProfilingRuleEvaluationFailing)
dashboards=(pyroscope-java-overview jvm-metrics-deep-dive http-performance service-comparison pyroscope-functions)
datasources=(prometheus-ds pyroscope-ds)

default_list() { # names ports -> name=http://host:port,…
  local -n names_ref="$1" ports_ref="$2"
  local out="" i
  for i in "${!names_ref[@]}"; do out="$out${out:+,}${names_ref[$i]}=http://$host:${ports_ref[$i]}"; done
  echo "$out"
}

if [ "$mode" = docker ]; then
  bank_urls="${BANK_URLS:-$(default_list bank_services bank_ports)}"
  function_urls="${FUNCTION_URLS:-$(default_list functions function_ports)}"
  prometheus_url="${PROMETHEUS_URL:-http://$host:9090}"
  grafana_url="${GRAFANA_URL:-http://$host:3000}"
  pyroscope_url="${PYROSCOPE_URL:-http://$host:4040}"
else
  bank_urls="${BANK_URLS:-$(default_list bank_services bank_ports)}"
  function_urls="${FUNCTION_URLS:-}"
  prometheus_url="${PROMETHEUS_URL:-}"
  grafana_url="${GRAFANA_URL:-}"
  pyroscope_url="${PYROSCOPE_URL:-}"
fi

passed=0; failed=0; warned=0
pass() { echo "PASS  $*"; passed=$((passed + 1)); }
fail() { echo "FAIL  $*"; failed=$((failed + 1)); }
warn() { echo "WARN  $*"; warned=$((warned + 1)); }
section() { echo "== $*"; }

# status URL [curl args…]: prints the HTTP status, 000 when nothing answered
status() {
  local url="$1"; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time "$timeout" "$@" "$url" 2>/dev/null || true
}
# body URL [curl args…]: prints the body of a 2xx answer, nothing otherwise
body() {
  local url="$1"; shift
  curl -fsS --max-time "$timeout" "$@" "$url" 2>/dev/null || true
}
url_of() { # list name -> url
  local entry
  IFS=',' read -r -a entries <<<"$1"
  for entry in "${entries[@]}"; do
    if [ "${entry%%=*}" = "$2" ]; then echo "${entry#*=}"; return 0; fi
  done
  return 1
}
# The JSON answers are read with grep and sed (Prometheus, Grafana and Pyroscope answer compact JSON), so the host
# needs bash, curl and the coreutils only.
json_strings() { # key: every "key":"value" value of the JSON on stdin, one per line
  grep -oE "\"$1\":\"([^\"\\\\]|\\\\.)*\"" | sed "s/^\"$1\":\"//; s/\"\$//; s/\\\\\"/\"/g"
}
# Prometheus /api/v1/targets on stdin -> one line per active target: job instance health lastError
prometheus_targets() {
  sed 's/{"discoveredLabels"/\n&/g' | grep '^{"discoveredLabels"' | while IFS= read -r target; do
    local labels job instance health error
    labels=$(grep -o '"labels":{[^}]*}' <<<"$target" | head -n 1)
    job=$(json_strings job <<<"$labels" | head -n 1)
    instance=$(json_strings instance <<<"$labels" | head -n 1)
    health=$(json_strings health <<<"$target" | head -n 1)
    error=$(json_strings lastError <<<"$target" | head -n 1)
    echo "$job $instance ${health:-unknown} $error"
  done
}

# Prerequisites, all checked before the first check runs: one line for each that is missing.
missing=0
require() { # command why
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "MISSING $1: $2" >&2
  missing=$((missing + 1))
}
require curl "every check is an HTTP request (apt-get install -y curl)"
require grep "reads the JSON answers"
require sed "reads the JSON answers"
if [ "$mode" = docker ]; then require docker "checks the containers (Docker Engine with the compose plugin)"; fi
if [ "$missing" -gt 0 ]; then
  echo "validate.sh: $missing prerequisite(s) missing, nothing checked" >&2
  exit 1
fi

check_containers() {
  section "containers"
  if [ "$mode" = local ]; then warn "containers: not checked in --local mode (no Docker stack)"; return; fi
  local name state health
  local bank_containers=() service
  for service in "${bank_services[@]}"; do bank_containers+=("$(app_name "$service")"); done
  for name in pyroscope prometheus grafana postgres "${bank_containers[@]}" "${functions[@]}"; do
    state=$(docker inspect -f '{{.State.Status}}' "$name" 2>/dev/null || echo missing)
    health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$name" \
      2>/dev/null || echo missing)
    if [ "$state" = running ] && { [ "$health" = healthy ] || [ "$health" = none ]; }; then
      pass "container $name is running (health: $health)"
    else
      fail "container $name: state $state, health $health"
    fi
  done
}

check_ui() { # name url path
  local code
  if [ -z "$2" ]; then warn "$1: no URL given in --local mode, not checked"; return 1; fi
  code=$(status "$2$3")
  if [ "$code" = 200 ]; then pass "$1 answers $3 ($2)"; return 0; fi
  fail "$1: $2$3 answered $code"
  return 1
}

check_uis() {
  section "user interfaces"
  prometheus_up=false; grafana_up=false; pyroscope_up=false
  if check_ui Prometheus "$prometheus_url" /-/ready; then prometheus_up=true; fi
  if check_ui Grafana "$grafana_url" /api/health; then grafana_up=true; fi
  if check_ui Pyroscope "$pyroscope_url" /ready; then pyroscope_up=true; fi
}

check_targets() {
  section "Prometheus targets"
  if [ "$prometheus_up" != true ]; then warn "Prometheus targets: Prometheus not reachable, not checked"; return; fi
  local lines job count expected
  lines=$(body "$prometheus_url/api/v1/targets?state=active" | prometheus_targets || true)
  if [ -z "$lines" ]; then fail "Prometheus targets: no active targets"; return; fi
  while read -r job instance health error; do
    case "$health" in
      up) pass "target $job/$instance is up" ;;
      unknown) warn "target $job/$instance not scraped yet (Prometheus just started? run again in 15 s)" ;;
      *) fail "target $job/$instance is $health: $error" ;;
    esac
  done <<<"$lines"
  for job in bank-services functions; do
    expected=7; [ "$job" = functions ] && expected=9
    count=$(grep -c "^$job " <<<"$lines" || true)
    if [ "$count" = "$expected" ]; then pass "job $job has its $expected targets"
    else fail "job $job has $count targets, expected $expected"; fi
  done
}

check_rules() {
  section "alert rules"
  if [ "$prometheus_up" != true ]; then warn "alert rules: Prometheus not reachable, not checked"; return; fi
  local names alert
  names=$(body "$prometheus_url/api/v1/rules?type=alert" | json_strings name || true)
  for alert in "${alerts[@]}"; do
    if grep -qx "$alert" <<<"$names"; then pass "alert rule $alert is loaded"; else fail "alert rule $alert is not loaded"; fi
  done
}

check_grafana() {
  section "Grafana provisioning"
  if [ "$grafana_up" != true ]; then warn "Grafana provisioning: Grafana not reachable, not checked"; return; fi
  local auth=(-u "${GRAFANA_ADMIN_USER:-admin}:${GRAFANA_ADMIN_PASSWORD:-admin}") uids uid code
  uids=$(body "$grafana_url/api/search?type=dash-db&limit=500" "${auth[@]}" | json_strings uid || true)
  for uid in "${dashboards[@]}"; do
    if grep -qx "$uid" <<<"$uids"; then pass "dashboard $uid is provisioned"; else fail "dashboard $uid is missing"; fi
  done
  for uid in "${datasources[@]}"; do
    code=$(status "$grafana_url/api/datasources/uid/$uid" "${auth[@]}")
    if [ "$code" = 200 ]; then pass "datasource $uid is provisioned"; else fail "datasource $uid answered $code"; fi
  done
}

check_profiles() {
  section "Pyroscope applications"
  if [ "$pyroscope_up" != true ]; then warn "Pyroscope applications: Pyroscope not reachable, not checked"; return; fi
  local now_ms names service app
  now_ms=$(($(date +%s) * 1000))
  names=$(body "$pyroscope_url/querier.v1.QuerierService/LabelValues" -X POST -H 'Content-Type: application/json' \
    -d "{\"name\":\"service_name\",\"start\":$((now_ms - 3600000)),\"end\":$now_ms}" \
    | grep -o '"[^"]*"' | tr -d '"' || true)
  for service in "${bank_services[@]}"; do
    app=$(app_name "$service")
    if grep -qx "$app" <<<"$names"; then pass "Pyroscope receives profiles of $app"
    elif [ "$fresh" = true ]; then warn "Pyroscope has no profiles of $app yet (just deployed: run generate-load.sh, then validate.sh)"
    else fail "Pyroscope has no profiles of $app in the last hour (agent attached? load generated?)"; fi
  done
}

# The endpoints of every bank service (docs/bank-demo.md), with small parameters: method path expected-codes body
endpoints_of() {
  case "$1" in
    api-gateway) printf '%s\n' "GET /api/status 200" "GET /api/accounts/1 200" "GET /api/report?rows=5 200" \
      "GET /api/report?rows=5&format=xml 200" "GET /api/customers/1/overview 200" ;;
    order) printf '%s\n' "GET /orders?limit=5 200" "GET /orders/aggregate?count=10 200" \
      "POST /orders/validate?count=10 200" "POST /orders/process?batch=10 200" \
      'POST /orders 201 {"customer":"validate","items":[{"sku":"SKU-1","qty":1,"price":"1.00"}]}' ;;
    payment) printf '%s\n' "GET /payments/fx?amount=10.00&from=GBP&to=JPY&rounds=1 200" \
      "POST /payments/payroll?employees=2 200" "POST /payments/reconcile?count=2 200" \
      'POST /payments/transfer 201 {"from":"ACC-1","to":"ACC-7","amount":"1.00"}' ;;
    fraud) printf '%s\n' "GET /fraud/scan?records=2&rules=2 200" "GET /fraud/anomalies?points=10&depth=2 200" \
      'POST /fraud/score 200 {"account":"acc-1x","amount":10,"country":"DE","merchant":"shop-1"}' ;;
    account) printf '%s\n' "GET /accounts/1 200" "GET /accounts/interest?accounts=2&days=2 200" \
      "GET /accounts/1/statement?entries=2 200" 'POST /accounts/1/deposit 200 {"amount":"1.00"}' ;;
    loan) printf '%s\n' "GET /loans/risk?simulations=10&months=12 200" \
      "GET /loans/amortize?principal=1000&months=12 200" \
      'POST /loans/apply 201,422 {"applicant":"validate","amount":"1000","months":12,"monthlyIncome":"3200"}' ;;
    notification) printf '%s\n' "GET /notifications/render?template=welcome&count=1 200" \
      "POST /notifications/bulk?count=1&template=statement 200" "POST /notifications/retry?failures=0&attempts=1 200" \
      'POST /notifications/send 200,201,202 {"recipient":"validate@bank.example","template":"payment"}' ;;
  esac
}

check_bank_services() {
  section "bank services"
  local service app url method path expected payload code
  for service in "${bank_services[@]}"; do
    app=$(app_name "$service")
    if ! url=$(url_of "$bank_urls" "$service"); then fail "$app: no URL in BANK_URLS"; continue; fi
    if [ "$(body "$url/health" | grep -c '"UP"' || true)" = 1 ]; then pass "$app /health is UP ($url)"
    else fail "$app /health does not answer UP ($url)"; continue; fi
    if body "$url/metrics" | grep -q '^vertx_http_server_requests_total{'; then pass "$app /metrics exports HTTP metrics"
    else fail "$app /metrics has no vertx_http_server_requests_total"; fi
    while read -r method path expected payload; do
      if [ "$method" = POST ]; then
        code=$(status "$url$path" -X POST -H 'Content-Type: application/json' ${payload:+-d "$payload"})
      else
        code=$(status "$url$path")
      fi
      if [[ ",$expected," == *",$code,"* ]]; then pass "$app $method $path -> $code"
      else fail "$app $method $path -> $code (expected $expected)"; fi
    done < <(endpoints_of "$service")
  done
}

check_functions() {
  section "functions"
  if [ -z "$function_urls" ]; then warn "functions: FUNCTION_URLS not given in --local mode, not checked"; return; fi
  local entry name url code
  IFS=',' read -r -a entries <<<"$function_urls"
  for entry in "${entries[@]}"; do
    name="${entry%%=*}"; url="${entry#*=}"
    code=$(status "$url/health")
    if [ "$code" = 200 ]; then pass "$name /health ($url)"; else fail "$name /health answered $code ($url)"; fi
    code=$(status "$url/ready")
    if [ "$code" = 200 ]; then pass "$name /ready"; else fail "$name /ready answered $code: $(curl -s --max-time "$timeout" "$url/ready" 2>/dev/null | head -c 300)"; fi
  done
}

echo "validating the $mode stack"
check_containers
check_uis
check_targets
check_rules
check_grafana
check_profiles
check_bank_services
check_functions
echo "SUMMARY pass=$passed fail=$failed warn=$warned"
[ "$failed" -eq 0 ]
