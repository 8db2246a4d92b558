package ru.eventbot.material;

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
 * Erasure: a forgotten participant's e-mail address and e-mails are deleted, and so are the requests still waiting for them
 * (nobody is left to deliver to); fulfilled requests stay in the figures under an anonymous id.
 * <p>
 * Export: a participant's material requests, e-mail address and the e-mails sent to it (never the one-time codes, which are
 * kept only as hashes or for sending).
 */
@Component
class MaterialPersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    MaterialPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        var user = forgotten.telegramUserId();
        jdbc.update("delete from material_mail_address where telegram_user_id = ?", user);
        jdbc.update("delete from material_mail where telegram_user_id = ?", user);
        jdbc.update("delete from material_request where telegram_user_id = ? and status = 'WAITING'", user);
        jdbc.update("delete from material_draft where telegram_user_id = ?", user);
        jdbc.update("update material_request set telegram_user_id = ?, chat_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.anonymousId(), user);
    }

    @Override
    public Map<String, Object> about(long telegramUserId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("materialRequests", jdbc.query("select request_text, status, material_id, created_at, fulfilled_at "
                        + "from material_request where telegram_user_id = ? order by created_at, id",
                (row, n) -> new Request(row.getString("request_text"), row.getString("status"),
                        row.getObject("material_id", Long.class), instant(row, "created_at"),
                        instant(row, "fulfilled_at")), telegramUserId));
        data.put("emailAddress", jdbc.query("select address, confirmed, updated_at from material_mail_address "
                        + "where telegram_user_id = ? and address is not null",
                (row, n) -> new Address(row.getString("address"), row.getBoolean("confirmed"),
                        instant(row, "updated_at")), telegramUserId).stream().findFirst().orElse(null));
        data.put("emails", jdbc.query("select address, kind, material_id, status, created_at, sent_at "
                        + "from material_mail where telegram_user_id = ? order by id",
                (row, n) -> new Mail(row.getString("address"), row.getString("kind"),
                        row.getObject("material_id", Long.class), row.getString("status"),
                        instant(row, "created_at"), instant(row, "sent_at")), telegramUserId));
        return data;
    }

    record Request(String text, String status, Long materialId, Instant at, Instant fulfilledAt) {
    }

    record Address(String address, boolean confirmed, Instant changedAt) {
    }

    record Mail(String address, String kind, Long materialId, String status, Instant at, Instant sentAt) {
    }
}
