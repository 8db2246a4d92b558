package ru.eventbot.conversation;

import static ru.eventbot.participant.PersonalDataSection.instant;

import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;
import ru.eventbot.participant.PersonalDataSection;

/**
 * Erasure: a forgotten participant's conversation is deleted, in and out.
 * <p>
 * Export: a participant's conversation with the bot, in and out, oldest first.
 */
@Component
class ConversationPersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    ConversationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("delete from conversation_message where telegram_user_id = ? or chat_id = ?",
                forgotten.telegramUserId(), forgotten.telegramUserId());
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        var messages = jdbc.query("select direction, kind, text, telegram_message_id, delivery_status, created_at, "
                        + "sent_at from conversation_message where telegram_user_id = ? or chat_id = ? order by id",
                (row, n) -> new Message(Direction.valueOf(row.getString("direction")),
                        MessageKind.valueOf(row.getString("kind")), row.getString("text"),
                        row.getObject("telegram_message_id", Long.class), row.getString("delivery_status"),
                        instant(row, "created_at"), instant(row, "sent_at")),
                telegramUserId, telegramUserId);
        return Map.of("conversation", messages);
    }

    record Message(Direction direction, MessageKind kind, String text, Long telegramMessageId, String deliveryStatus,
                   Instant at, Instant sentAt) {
    }
}
