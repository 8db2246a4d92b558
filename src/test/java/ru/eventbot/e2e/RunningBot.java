package ru.eventbot.e2e;

import ru.eventbot.testsupport.ScratchDirectories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.EventBotApplication;

/**
 * The whole application, started in this JVM against a fake Bot API, on its own H2 file database, so that a test
 * can stop and start it again on the same data. Talks to the organisers' API over real HTTP.
 */
public final class RunningBot implements AutoCloseable {

    public static final String ADMIN = "organiser";
    public static final String ADMIN_PASSWORD = "correct-horse-battery";

    private final Map<String, Object> properties;
    private final Class<?>[] extraSources;
    private final Path dataDir;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext context;

    private RunningBot(String apiUrl, String token, Path dataDir, Map<String, Object> extra, Class<?>[] extraSources) {
        this.dataDir = dataDir;
        this.extraSources = extraSources;
        this.properties = new HashMap<>();
        properties.put("eventbot.telegram.token", token);
        properties.put("eventbot.telegram.api-url", apiUrl);
        properties.put("eventbot.telegram.poll-timeout", "10s");
        properties.put("eventbot.telegram.gateway.first-backoff", "50ms");
        properties.put("eventbot.telegram.gateway.max-backoff", "400ms");
        properties.put("eventbot.data-dir", dataDir.toString());
        // the search index on disk in the data folder, as in production (the build keeps slices' indexes in memory)
        properties.put("spring.jpa.properties.hibernate.search.backend.directory.type", "local-filesystem");
        properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("eventbot") + ";DB_CLOSE_ON_EXIT=FALSE;"
                + System.getProperty("eventbot.test.h2-options", "WRITE_DELAY=0"));
        properties.put("eventbot.account.admin-username", ADMIN);
        properties.put("eventbot.account.admin-password", ADMIN_PASSWORD);
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(extra);
    }

    public static RunningBot start(String apiUrl, String token) {
        return start(apiUrl, token, Map.of());
    }

    /** Starts the bot; {@code extraSources} add test configuration (a handler that throws, say). */
    public static RunningBot start(String apiUrl, String token, Map<String, Object> extra, Class<?>... extraSources) {
        return new RunningBot(apiUrl, token, ScratchDirectories.create("eventbot-e2e"), extra, extraSources).start();
    }

    public RunningBot start() {
        var sources = new Class<?>[extraSources.length + 1];
        sources[0] = EventBotApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        // As command-line arguments: they outrank config/application.yml (default properties would not).
        var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(sources).run(args);
        return this;
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public RunningBot restart() {
        stop();
        return start();
    }

    public Path dataDir() {
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public ApiResponse get(String path) {
        return send(authorized(HttpRequest.newBuilder(url(path)).GET()));
    }

    public ApiResponse post(String path, String jsonBody) {
        return send(authorized(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))));
    }

    public ApiResponse put(String path, String jsonBody) {
        return send(authorized(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody))));
    }

    /** A multipart/form-data POST: text fields, and a file part named {@code file} unless {@code fileName} is null. */
    public ApiResponse postMultipart(String path, Map<String, String> fields, String fileName, byte[] content) {
        var boundary = "eventbot-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n"));
        if (fileName != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(authorized(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        var credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    @Override
    public void close() {
        stop();
    }

    /** An HTTP answer of the API, with its body parsed as JSON when it is JSON. */
    public record ApiResponse(int status, String contentType, String body, ObjectMapper mapper) {

        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }
}
