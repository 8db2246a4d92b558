package ru.eventbot.conversation;

import tools.jackson.databind.json.JsonMapper;

/** The parts of an outgoing message that are not plain columns, kept as JSON in {@code payload}. */
record OutboxPayload(Keyboard keyboard, String callbackQueryId) {

    String toJson(JsonMapper json) {
        if ((keyboard == null || keyboard.isEmpty()) && callbackQueryId == null) {
            return null;
        }
        return json.writeValueAsString(this);
    }

    static OutboxPayload fromJson(JsonMapper json, String payload) {
        if (payload == null || payload.isBlank()) {
            return new OutboxPayload(Keyboard.none(), null);
        }
        var parsed = json.readValue(payload, OutboxPayload.class);
        return new OutboxPayload(parsed.keyboard() == null ? Keyboard.none() : parsed.keyboard(),
                parsed.callbackQueryId());
    }
}
