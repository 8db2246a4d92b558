package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An update the fake queued for the bot. {@code json} is a copy; changing it changes nothing. */
public record EnqueuedUpdate(long updateId, String type, long chatId, ObjectNode json) {

    /** The message id of a {@code message}/{@code edited_message} update, or of the message a reaction or button press is about. */
    public int messageId() {
        JsonNode payload = json.path(type);
        if (payload.has("message_id")) {
            return payload.get("message_id").asInt();
        }
        return payload.path("message").path("message_id").asInt();
    }

    /** The id of a {@code callback_query} update, null for other updates. */
    public String callbackQueryId() {
        return type.equals("callback_query") ? json.path(type).path("id").asText() : null;
    }
}
