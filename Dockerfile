# syntax=docker/dockerfile:1
# Build with the project's own Maven Wrapper on a JDK 17, run on a small JRE 17 (Alpine) as a non-root user.
# docs/operations.md: deploy, scale out, back up, upgrade, rotate secrets.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
# Layers: the dependencies (changed rarely) apart from the application (changed every release), so an upgrade
# pulls only the last layer.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar target/eventbot-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre-alpine
# Fonts for the rating charts /stats draws (JFreeChart, headless AWT): Alpine's JRE image has none.
RUN apk add --no-cache fontconfig ttf-dejavu
RUN addgroup -S eventbot && adduser -S -G eventbot -h /app -s /sbin/nologin eventbot \
    && mkdir -p /data/materials /app/config && chown -R eventbot:eventbot /data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY config/application.yml /app/config/application.yml
# The heap is half the container's memory limit: the bot runs with 10,000 participants in 256 MB of heap and needs
# about 400 MB beside it (class metadata, compiled code, the collector, threads; docs/benchmarks.md), so give the
# container 1 GB. An OutOfMemoryError ends the JVM, so the orchestrator restarts it rather than leaving it
# half-alive.
ENV EVENTBOT_DATA_DIR=/data \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080
USER eventbot
# Readiness: the application has started and its database answers (Telegram is left out on purpose: an instance
# still stores webhook updates while Telegram is away). busybox wget ships with Alpine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
