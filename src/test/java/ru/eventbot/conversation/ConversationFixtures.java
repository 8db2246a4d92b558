package ru.eventbot.conversation;

import java.time.Instant;
import org.springframework.test.util.ReflectionTestUtils;

/** Stored conversation messages with ids, as the repository returns them, for tests outside this package. */
public final class ConversationFixtures {

    private ConversationFixtures() {
    }

    public static ConversationMessage inbound(long id, long telegramUserId, MessageKind kind, String text,
                                              Long telegramMessageId, Instant at) {
        var message = ConversationMessage.inbound(
                new InboundMessage(telegramUserId, telegramUserId, kind, text, telegramMessageId, id), at);
        ReflectionTestUtils.setField(message, "id", id);
        return message;
    }

    public static ConversationMessage outbound(long id, long telegramUserId, MessageKind kind, String text,
                                               DeliveryStatus status, Long telegramMessageId, Instant at) {
        var message = ConversationMessage.outbound(
                new OutgoingMessage(telegramUserId, telegramUserId, kind, text, Keyboard.none(), null),
                null, null, status, at);
        ReflectionTestUtils.setField(message, "id", id);
        ReflectionTestUtils.setField(message, "telegramMessageId", telegramMessageId);
        return message;
    }
}
