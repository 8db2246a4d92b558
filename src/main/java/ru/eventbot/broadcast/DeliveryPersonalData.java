package ru.eventbot.broadcast;

import static ru.eventbot.participant.PersonalDataSection.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;
import ru.eventbot.participant.PersonalDataSection;

/**
 * Erasure: a forgotten participant's deliveries stay in broadcasts' figures, no longer naming them; drafts go.
 * <p>
 * Export: the announcements, reminders and notices addressed to a participant, and an organiser's unfinished draft.
 */
@Component
class DeliveryPersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    DeliveryPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        jdbc.update("update broadcast_delivery set telegram_user_id = ?, chat_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.anonymousId(), forgotten.telegramUserId());
        jdbc.update("delete from announcement_draft where telegram_user_id = ?", forgotten.telegramUserId());
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("broadcastsReceived", jdbc.query("select d.broadcast_id, b.kind, d.status, d.updated_at "
                        + "from broadcast_delivery d join broadcast b on b.id = d.broadcast_id "
                        + "where d.telegram_user_id = ? order by d.broadcast_id",
                (row, n) -> new Delivery(row.getLong("broadcast_id"), row.getString("kind"), row.getString("status"),
                        instant(row, "updated_at")), telegramUserId));
        data.put("announcementDraft", jdbc.query("select step, text, event_id, audience, updated_at "
                        + "from announcement_draft where telegram_user_id = ?",
                (row, n) -> new Draft(row.getString("step"), row.getString("text"),
                        row.getObject("event_id", Long.class), row.getString("audience"),
                        instant(row, "updated_at")), telegramUserId).stream().findFirst().orElse(null));
        return data;
    }

    record Delivery(long broadcastId, String kind, String status, Instant at) {
    }

    record Draft(String step, String text, Long eventId, String audience, Instant at) {
    }
}
