package ru.eventbot.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The organisers' API of a bot in a child process ({@link BotProcess}) that may be starting or killed. */
final class StartingBotApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    StartingBotApi(int port) {
        this.port = port;
    }

    /** POSTs until the bot is up and answers {@code expected}; the id in the answer. */
    long post(String path, String json, int expected) {
        return send(path, "application/json", HttpRequest.BodyPublishers.ofString(json), expected);
    }

    long send(String path, String contentType, HttpRequest.BodyPublisher body, int expected) {
        var response = await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> http.send(
                request(path).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), r -> r.statusCode() == expected);
        var text = response.body();
        var start = text.indexOf("\"id\":") + 5;
        var end = start;
        while (Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text.substring(start, end));
    }

    /** The body of a GET, or "" while the bot is starting. */
    String get(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        var credentials = Base64.getEncoder().encodeToString(("admin:" + RunningBot.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(10));
    }
}
