#!/usr/bin/env bash
# Records the labelled triage corpus: each workload runs for a few seconds under async-profiler (fetched through
# Maven) and its collapsed stacks plus a label file land in analysis/src/test/resources/triage-corpus/.
# Usage: tools/triage-corpus/record.sh [sample-name-filter]   (Linux x64; needs a JDK 17+ as `java`)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/tools/triage-corpus"
WORK="$HERE/target"
OUT="$ROOT/analysis/src/test/resources/triage-corpus"
SECONDS_PER_SAMPLE="${SECONDS_PER_SAMPLE:-4}"
FILTER="${1:-}"
AP_VERSION=4.1

mkdir -p "$WORK/classes" "$OUT"
if [ ! -f "$WORK/async-profiler-$AP_VERSION.jar" ]; then
  "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -N dependency:copy \
    -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$WORK"
fi
(cd "$WORK" && unzip -oq "async-profiler-$AP_VERSION.jar" 'linux-x64/libasyncProfiler.so')
LIB="$WORK/linux-x64/libasyncProfiler.so"
CP="$WORK/classes:$WORK/async-profiler-$AP_VERSION.jar"
javac -nowarn -cp "$CP" -d "$WORK/classes" "$HERE"/workloads/*.java

# Rule ids that no workload plants by accident; each sample forbids them (minus its own expected id) at medium+.
UNRELATED="lock_contention,thread_waiting,exception_overhead,reflection_overhead,crypto_overhead,logging_overhead,serialization_overhead,network_io,class_loading,jit_overhead"

# record <sample> <workload class> <type> <expected rule or healthy> <extra forbidden ids or -> [jvm options...]
record() {
  local sample="$1" workload="$2" type="$3" expected="$4" extra="$5"
  shift 5
  case "$sample" in *"$FILTER"*) ;; *) return 0 ;; esac
  local forbidden
  forbidden="$(echo "$UNRELATED${extra:+,$extra}" | tr ',' '\n' | grep -vx -- "-" | grep -vx "$expected" | sort -u | paste -sd, -)"
  java "$@" -cp "$CP" Harness "$workload" "$LIB" "$type" "$SECONDS_PER_SAMPLE" "$OUT/$sample.$type.collapsed"
  {
    echo "type=$type"
    echo "expected=$expected"
    echo "forbidden=$forbidden"
    echo "source=tools/triage-corpus workload $workload, async-profiler $AP_VERSION $type (Harness.eventOptions), ${SECONDS_PER_SAMPLE}s after a 2.5s warm-up, java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
  } > "$OUT/$sample.label.properties"
}

ALL_BUT_CPU_BOUND="gc_pressure,allocation_pressure,regex_compilation,boxing_overhead,string_building,collection_resizing"

record regex-cpu            RegexPerCall           cpu   regex_compilation      -
record regex-alloc          RegexPerCall           alloc regex_compilation      -
record exceptions-cpu       ExceptionFlow          cpu   exception_overhead     -
record exceptions-alloc     ExceptionFlow          alloc exception_overhead     -
record reflection-cpu       ReflectionCalls        cpu   reflection_overhead    -
record boxing-cpu           BoxingCounters         cpu   boxing_overhead        -
record boxing-alloc         BoxingCounters         alloc boxing_overhead        -
record strings-cpu          StringBuilding         cpu   string_building        -
record strings-alloc        StringBuilding         alloc string_building        -
record gc-churn-cpu         GcChurn                cpu   gc_pressure            -  -Xmx200m -XX:+UseG1GC
record gc-churn-alloc       GcChurn                alloc allocation_pressure    -  -Xmx200m -XX:+UseG1GC
record lock-lock            LockContention         lock  lock_contention        -
record lock-wall            LockContention         wall  lock_contention        -
record sleeping-wall        SleepingThreads        wall  thread_waiting         lock_contention
record crypto-cpu           CryptoHashing          cpu   crypto_overhead        -
record logging-cpu          JulLogging             cpu   logging_overhead       -
record collections-cpu      CollectionGrowth       cpu   collection_resizing    -
record collections-alloc    CollectionGrowth       alloc collection_resizing    -
record serialization-cpu    JavaSerialization      cpu   serialization_overhead -
record serialization-alloc  JavaSerialization      alloc serialization_overhead -
record clean-cpu            CleanCompute           cpu   cpu_bound              "$ALL_BUT_CPU_BOUND"
record clean-wall           CleanCompute           wall  healthy                "$ALL_BUT_CPU_BOUND"
record mixed-regex-boxing   MixedRegexBoxing       cpu   regex_compilation      -
record mixed-exceptions     MixedExceptionsCompute cpu   exception_overhead     -
record idle-pool-wall       IdlePool               wall  idle_time              -
