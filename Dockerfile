# syntax=docker/dockerfile:1
# Build with the project's own Maven Wrapper on a JDK 17, run on a JRE 17 as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && java -Djarmode=tools -jar target/eventbot-*.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
# curl for the health check (not every JRE image ships one)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system eventbot && useradd --system --gid eventbot --home-dir /app --shell /usr/sbin/nologin eventbot \
    && mkdir -p /data /app/config && chown eventbot:eventbot /data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY config/application.yml /app/config/application.yml
ENV EVENTBOT_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080
USER eventbot
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health > /dev/null || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
