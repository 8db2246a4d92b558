package ru.eventbot.fuzz;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import ru.eventbot.e2e.RunningBot;

/**
 * Requests to the organisers' API with random lengths, encodings, types, missing fields, wrong content types and
 * odd path segments; each is sent and its answer handed back.
 */
final class ApiFuzzing {

    record Answer(String request, int status, String contentType) {
    }

    private static final List<String> FIELDS = List.of("title", "description", "venue", "startsAt", "endsAt",
            "timeZone", "talks", "text", "eventId", "audience", "scheduledAt", "paidBroadcast", "speaker");
    private static final List<String> PATHS = List.of("/api/v1/events", "/api/v1/broadcasts",
            "/api/v1/conversations/%s/replies", "/api/v1/events/%s", "/api/v1/broadcasts/%s",
            "/api/v1/broadcasts/%s/cancel", "/api/v1/events/%s/feedback", "/api/v1/participants/%s/data",
            "/api/v1/conversations/%s", "/api/v1/events/%s/materials", "/api/v1/material-requests",
            "/api/v1/participants", "/api/v1/material-requests/waiting", "/api/v1/events/%s/feedback.csv");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/json; charset=KOI8-R", "*/*", "");

    private final Random random;
    private final FuzzedText texts;
    private final RunningBot bot;

    ApiFuzzing(RunningBot bot, long seed, List<Long> eventIds) {
        this.bot = bot;
        this.random = new Random(seed);
        this.texts = new FuzzedText(random, eventIds);
    }

    Answer next() {
        var path = String.format(texts.pick(PATHS), pathSegment());
        var method = texts.pick(List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH"));
        var body = body();
        var contentType = texts.pick(CONTENT_TYPES);
        var request = HttpRequest.newBuilder(bot.url(path));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (random.nextInt(15) > 0) {
            var credentials = random.nextInt(20) == 0 ? "organiser:wrong" : RunningBot.ADMIN + ":" + RunningBot.ADMIN_PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        request.method(method, method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        var response = bot.send(request);
        return new Answer(method + " " + path + " [" + contentType + "] "
                + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8),
                response.status(), response.contentType());
    }

    private String pathSegment() {
        return switch (random.nextInt(6)) {
            case 0 -> "1";
            case 1 -> "-1";
            case 2 -> "99999999999999999999999";
            case 3 -> URLEncoder.encode(texts.next(), StandardCharsets.UTF_8);
            case 4 -> "%FF%FE";
            default -> Long.toString(random.nextLong());
        };
    }

    private byte[] body() {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> invalidUtf8();
            case 2 -> ("{\"" + texts.pick(FIELDS) + "\": ").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + jsonValue() + "]").getBytes(StandardCharsets.UTF_8);
            default -> jsonObject().getBytes(StandardCharsets.UTF_8);
        };
    }

    private String jsonObject() {
        var fields = new ArrayList<String>();
        for (int i = 0, n = random.nextInt(FIELDS.size() + 1); i < n; i++) {
            fields.add(quote(texts.pick(FIELDS)) + ": " + jsonValue());
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private String jsonValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "1e309";
            case 4 -> "[]";
            case 5 -> "{\"nested\": " + quote(texts.next()) + "}";
            case 6 -> quote("2026-13-45T25:61:00+99:00");
            case 7 -> quote("2026-12-10T15:00:00+03:00");
            case 8 -> quote(texts.pick(List.of("ALL", "EVENT_ATTENDEES", "NOBODY", "all", "")));
            case 9 -> quote("x".repeat(random.nextInt(10_000)));
            default -> quote(texts.next());
        };
    }

    private byte[] invalidUtf8() {
        var bytes = new byte[1 + random.nextInt(64)];
        random.nextBytes(bytes);
        bytes[0] = '{';
        return bytes;
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
