package ru.eventbot.event;

import static ru.eventbot.participant.PersonalDataSection.instant;

import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;
import ru.eventbot.participant.PersonalDataSection;

/**
 * Erasure: a forgotten participant's RSVPs stay counted, under an anonymous id.
 * <p>
 * Export: the events a participant said they attend (✅).
 */
@Component
class AttendancePersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    AttendancePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("update event_attendee set telegram_user_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.telegramUserId());
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        return Map.of("rsvps", jdbc.query("select a.event_id, e.title, a.created_at from event_attendee a "
                        + "join event e on e.id = a.event_id where a.telegram_user_id = ? order by a.created_at",
                (row, n) -> new Rsvp(row.getLong("event_id"), row.getString("title"), instant(row, "created_at")),
                telegramUserId));
    }

    record Rsvp(long eventId, String event, Instant at) {
    }
}
