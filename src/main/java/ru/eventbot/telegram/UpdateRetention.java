package ru.eventbot.telegram;

import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.RetentionDue;

/**
 * The raw updates Telegram delivered carry names and texts too: once handled and past the retention, their payloads
 * are deleted with the conversations. The narrow rows stay: they keep intake idempotent.
 */
@Component
class UpdateRetention {

    private static final Logger log = LoggerFactory.getLogger(UpdateRetention.class);

    private final JdbcTemplate jdbc;

    UpdateRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RetentionDue due) {
        var purged = jdbc.update("delete from inbound_update_payload where update_id in (select update_id from "
                + "inbound_update where received_at < ? and status <> 'RECEIVED')", Timestamp.from(due.before()));
        if (purged > 0) {
            log.info("Retention: deleted {} raw updates", purged);
        }
    }
}
