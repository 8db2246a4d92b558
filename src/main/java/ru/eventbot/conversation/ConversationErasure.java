package ru.eventbot.conversation;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/** A forgotten participant's conversation is deleted, in and out. */
@Component
class ConversationErasure {

    private final JdbcTemplate jdbc;

    ConversationErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("delete from conversation_message where telegram_user_id = ? or chat_id = ?",
                forgotten.telegramUserId(), forgotten.telegramUserId());
    }
}
