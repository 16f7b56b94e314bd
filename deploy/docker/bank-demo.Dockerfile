# The seven bank services (one jar, SERVICE picks which) with the Pyroscope Java agent beside it.
# Build from the repository root:  docker build -f deploy/docker/bank-demo.Dockerfile -t pyrofn/bank-demo:0.1.0 .
ARG JDK_IMAGE=eclipse-temurin:17.0.16_8-jdk
# The runtime stage is a JDK, not a JRE: the runbook's diagnostics (jcmd GC.heap_dump, Thread.print, VM.flags)
# run inside the shipped container, and a JRE has no jcmd.
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jdk

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl bank-demo -am package -DskipTests

FROM ${RUNTIME_IMAGE}
# curl only for the container health check; no credentials or config are baked in (everything comes from env).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/bank-demo/target/bank-demo.jar /app/bank-demo.jar
COPY --from=build /src/bank-demo/target/pyroscope-agent.jar /app/pyroscope-agent.jar
USER 10001:10001
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 8081 8082 8083 8084 8085 8086
# The agent is attached by the deployment (JAVA_TOOL_OPTIONS=-javaagent:/app/pyroscope-agent.jar), not here, so
# the same image runs unprofiled or in file mode (PROFILE_DIR).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/bank-demo.jar"]
