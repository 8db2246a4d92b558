package ru.eventbot.event;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/** A forgotten participant's RSVPs stay counted, under an anonymous id. */
@Component
class AttendanceErasure {

    private final JdbcTemplate jdbc;

    AttendanceErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("update event_attendee set telegram_user_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.telegramUserId());
    }
}
