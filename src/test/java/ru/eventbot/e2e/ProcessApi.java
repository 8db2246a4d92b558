package ru.eventbot.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;

/** The HTTP side of a {@link BotProcess}: the organisers' API and the actuator, at a port the test chose. */
public final class ProcessApi {

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ProcessApi(int port) {
        this.port = port;
    }

    /** A port nothing listens on now, for {@code --server.port}. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String portArgument() {
        return "--server.port=" + port;
    }

    /** Waits until the bot answers its health endpoint (it is starting meanwhile). */
    public void awaitUp(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> anonymous("/actuator/health/readiness").status() == 200);
    }

    public RunningBot.ApiResponse get(String path) {
        return send(authorized(request(path).GET()));
    }

    public RunningBot.ApiResponse post(String path, String jsonBody) {
        return send(authorized(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))));
    }

    /** Without credentials. */
    public RunningBot.ApiResponse anonymous(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        var credentials = Base64.getEncoder().encodeToString(("admin:" + RunningBot.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    private RunningBot.ApiResponse send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new RunningBot.ApiResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
