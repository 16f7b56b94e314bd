# One image per function jar: MODULE=sor builds pyrofn-sor.jar (the five SORs), MODULE=bor pyrofn-bor.jar (the
# BORs). FUNCTION (env) picks the function at run time.
# Build from the repository root:
#   docker build -f deploy/docker/function.Dockerfile --build-arg MODULE=sor -t pyrofn/sor:0.1.0 .
#   docker build -f deploy/docker/function.Dockerfile --build-arg MODULE=bor -t pyrofn/bor:0.1.0 .
ARG JDK_IMAGE=eclipse-temurin:17.0.16_8-jdk
# The runtime stage is a JDK, not a JRE: the runbook's diagnostics (jcmd GC.heap_dump, Thread.print, VM.flags)
# run inside the shipped container, and a JRE has no jcmd.
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jdk

FROM ${JDK_IMAGE} AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN test "$MODULE" = sor -o "$MODULE" = bor || { echo "MODULE must be sor or bor" >&2; exit 1; } \
 && ./mvnw -B -ntp -q -pl "$MODULE" -am package -DskipTests \
 && cp "$MODULE/target/pyrofn-$MODULE.jar" /src/function.jar

FROM ${RUNTIME_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/function.jar /app/function.jar
USER 10001:10001
# G1 chosen explicitly: under 2 CPUs or 1792 MB the JVM would pick the Serial collector. A 20 ms pause goal keeps the
# young generation small enough that a collection does not show in the functions' p99 (docs/performance.md);
# initial heap = maximum, so the heap is not resized under load.
ENV JAVA_OPTS="-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# SIGTERM reaches java directly (exec), so in-flight requests finish before the pool closes.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/function.jar"]
