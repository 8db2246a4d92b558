package ru.eventbot.telegram;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/**
 * Updates as Telegram delivered them carry names and texts: a forgotten participant's are deleted. What remains of
 * them (update ids and states, which keep intake idempotent) no longer names the chat.
 */
@Component
class IntakeErasure {

    private final JdbcTemplate jdbc;

    IntakeErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("delete from inbound_update_payload where update_id in "
                + "(select update_id from inbound_update where chat_id = ?)", forgotten.telegramUserId());
        jdbc.update("update inbound_update set chat_id = null where chat_id = ?", forgotten.telegramUserId());
    }
}
