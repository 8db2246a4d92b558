package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * One Bot API call as the fake answered it.
 *
 * @param method           canonical method name (e.g. {@code sendMessage}, whatever case the URL used), or the
 *                         raw path segment for methods the spec does not know; file downloads are {@code downloadFile}
 * @param params           parameters; for valid calls normalized to proper JSON types (form strings converted,
 *                         file parts as {@code "attach://<part>"}). Treat as read-only.
 * @param responseStatus   HTTP status sent (200 on success); 0 if the connection was dropped on purpose
 * @param errorDescription Telegram's {@code description} for failed calls, null on success
 * @param files            uploaded file parts by part name
 */
public record RecordedCall(String method, ObjectNode params, Instant at, int responseStatus, String errorDescription,
                           Map<String, UploadedFile> files) {

    public boolean succeeded() {
        return responseStatus == 200 && errorDescription == null; // an injected malformed answer is 200 too
    }

    /** A parameter as text (JSON for objects and arrays), or null if absent. */
    public String param(String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** {@code chat_id} as a number, or 0 if absent or not numeric. */
    public long chatId() {
        return params.path("chat_id").asLong(0);
    }

    @Override
    public String toString() {
        String body = params.toString();
        return method + " " + (body.length() > 300 ? body.substring(0, 297) + "..." : body)
                + (files.isEmpty() ? "" : " files=" + files.values())
                + " -> " + responseStatus + (errorDescription == null ? "" : " " + errorDescription);
    }
}
