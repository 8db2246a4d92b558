package ru.eventbot.broadcast;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/** A forgotten participant's deliveries stay in broadcasts' figures, no longer naming them; drafts go. */
@Component
class DeliveryErasure {

    private final JdbcTemplate jdbc;

    DeliveryErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("update broadcast_delivery set telegram_user_id = ?, chat_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.anonymousId(), forgotten.telegramUserId());
        jdbc.update("delete from announcement_draft where telegram_user_id = ?", forgotten.telegramUserId());
    }
}
