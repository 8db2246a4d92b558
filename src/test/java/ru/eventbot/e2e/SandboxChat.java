package ru.eventbot.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The sandbox's chat page as a program: its JSON endpoints over real HTTP, for one person at a time, keeping the
 * chat as the page does (messages by id, edits replacing them, alerts).
 */
final class SandboxChat {

    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SandboxChat(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Person person(String firstName) {
        for (var participant : getJson("/sandbox/chat/participants")) {
            if (participant.path("firstName").asText().equals(firstName)) {
                return new Person(participant.path("id").asLong());
            }
        }
        throw new AssertionError("No participant " + firstName + " in the sandbox");
    }

    Person organiser() {
        for (var participant : getJson("/sandbox/chat/participants")) {
            if (participant.path("organiser").asBoolean()) {
                return new Person(participant.path("id").asLong());
            }
        }
        throw new AssertionError("No organiser in the sandbox");
    }

    final class Person {

        final long id;
        private final Map<Integer, JsonNode> messages = new LinkedHashMap<>();
        private final Map<String, JsonNode> alerts = new LinkedHashMap<>();
        private long version;

        Person(long id) {
            this.id = id;
        }

        Person sends(String text) {
            var answer = post("/sandbox/chat/participants/" + id + "/messages", Map.of("text", text));
            expectStatus(answer, 201);
            return this;
        }

        /** Presses the button whose label contains {@code label} on the newest bot message that has one. */
        JsonNode presses(String label) {
            var message = awaitBotMessage(candidate -> button(candidate, label).isPresent());
            var button = button(message, label).orElseThrow();
            var answer = post("/sandbox/chat/participants/" + id + "/presses", Map.of(
                    "messageId", message.path("messageId").asInt(),
                    "callbackData", button.path("callbackData").asText()));
            expectStatus(answer, 202);
            return message;
        }

        JsonNode awaitBotMessage(Predicate<JsonNode> wanted) {
            return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> refresh().newestBotMessage(wanted), Optional::isPresent).orElseThrow();
        }

        JsonNode awaitText(String fragment) {
            return awaitBotMessage(message -> message.path("text").asText("").contains(fragment));
        }

        JsonNode awaitDocument() {
            return awaitBotMessage(message -> message.hasNonNull("document"));
        }

        JsonNode awaitAlert(String fragment) {
            return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> refresh().alerts.values().stream()
                            .filter(alert -> alert.path("text").asText().contains(fragment)).findFirst(),
                            Optional::isPresent).orElseThrow();
        }

        JsonNode message(int messageId) {
            return refresh().messages.get(messageId);
        }

        HttpResponse<byte[]> download(JsonNode document) {
            return getBytes(document.path("downloadUrl").asText());
        }

        private Optional<JsonNode> newestBotMessage(Predicate<JsonNode> wanted) {
            return messages.values().stream()
                    .filter(message -> message.path("from").asText().equals("bot"))
                    .filter(message -> !message.path("deleted").asBoolean())
                    .filter(wanted).reduce((first, second) -> second);
        }

        private Person refresh() {
            var chat = getJson("/sandbox/chat/participants/" + id + "/messages?since=" + version);
            chat.path("messages").forEach(message -> messages.put(message.path("messageId").asInt(), message));
            chat.path("alerts").forEach(alert -> alerts.put(alert.path("callbackQueryId").asText(), alert));
            version = chat.path("version").asLong();
            return this;
        }
    }

    static Optional<JsonNode> button(JsonNode message, String label) {
        for (var row : message.path("buttons")) {
            for (var button : row) {
                if (button.path("text").asText().contains(label)) {
                    return Optional.of(button);
                }
            }
        }
        return Optional.empty();
    }

    JsonNode getJson(String path) {
        var answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        expectStatus(answer, 200);
        return parse(answer.body());
    }

    HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<byte[]> post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectStatus(HttpResponse<byte[]> answer, int status) {
        if (answer.statusCode() != status) {
            throw new AssertionError("Expected " + status + " from " + answer.uri() + " but got "
                    + answer.statusCode() + ": " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
