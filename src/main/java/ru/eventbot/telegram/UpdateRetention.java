package ru.eventbot.telegram;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import ru.eventbot.conversation.RetentionProperties;

/**
 * The raw updates Telegram delivered carry names and texts too: once handled and older than
 * {@code EVENTBOT_RETENTION_DAYS}, their payloads are deleted with the conversations. The narrow rows stay: they
 * keep intake idempotent.
 */
@Component
class UpdateRetention {

    private static final Logger log = LoggerFactory.getLogger(UpdateRetention.class);

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;

    UpdateRetention(JdbcTemplate jdbc, RetentionProperties properties, TaskScheduler scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleAtFixedRate(this::purgeSafely, clock.instant().plus(Duration.ofMinutes(1)),
                properties.every());
    }

    private void purgeSafely() {
        try {
            var before = Timestamp.from(clock.instant().minus(Duration.ofDays(properties.days())));
            var purged = jdbc.update("delete from inbound_update_payload where update_id in (select update_id from "
                    + "inbound_update where received_at < ? and status <> 'RECEIVED')", before);
            if (purged > 0) {
                log.info("Retention: deleted {} raw updates older than {} days", purged, properties.days());
            }
        } catch (RuntimeException e) {
            log.error("Purging old raw updates failed; trying again at the next run", e);
        }
    }
}
