package ru.eventbot.conversation;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The parts of an outgoing message that are not plain columns, kept as JSON in {@code payload}. */
record OutboxPayload(Keyboard keyboard, String callbackQueryId, Long editMessageId, List<TextEntity> entities,
                     @JsonAlias("documentId") Long attachmentId) {

    static OutboxPayload of(OutgoingMessage out) {
        return new OutboxPayload(out.keyboard(), out.callbackQueryId(), out.editMessageId(), out.entities(),
                out.attachmentId());
    }

    String toJson(JsonMapper json) {
        if ((keyboard == null || keyboard.isEmpty()) && callbackQueryId == null && editMessageId == null
                && (entities == null || entities.isEmpty()) && attachmentId == null) {
            return null;
        }
        return json.writeValueAsString(this);
    }

    static OutboxPayload fromJson(JsonMapper json, String payload) {
        if (payload == null || payload.isBlank()) {
            return new OutboxPayload(Keyboard.none(), null, null, List.of(), null);
        }
        var parsed = json.readValue(payload, OutboxPayload.class);
        return new OutboxPayload(parsed.keyboard() == null ? Keyboard.none() : parsed.keyboard(),
                parsed.callbackQueryId(), parsed.editMessageId(),
                parsed.entities() == null ? List.of() : parsed.entities(), parsed.attachmentId());
    }
}
