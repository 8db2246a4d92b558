package ru.eventbot.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.eventbot.fleet.Fleet;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps conversations no longer than {@code EVENTBOT_RETENTION_DAYS} (365 by default): once a day, messages older
 * than that are deleted, and {@link RetentionDue} tells the other modules to do the same with theirs. Messages
 * still waiting to be sent are kept whatever their age.
 */
@Component
class ConversationRetention {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Fleet fleet;

    ConversationRetention(JdbcTemplate jdbc, RetentionProperties properties, TaskScheduler scheduler, Clock clock,
                          ApplicationEventPublisher events, Fleet fleet) {
        this.fleet = fleet;
        this.events = events;
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
            fleet.once("retention", Duration.ofMinutes(1), Duration.ofHours(1), this::purge); // one instance of a fleet
        } catch (RuntimeException e) {
            log.error("Purging old conversations failed; trying again at the next run", e);
        }
    }

    @Transactional
    public int purge() {
        var cutoff = clock.instant().minus(Duration.ofDays(properties.days()));
        var before = Timestamp.from(cutoff);
        var messages = jdbc.update("delete from conversation_message where created_at < ? "
                + "and (delivery_status is null or delivery_status not in ('PENDING', 'SENDING'))", before);
        if (messages > 0) {
            log.info("Retention: deleted {} messages older than {} days", messages, properties.days());
        }
        events.publishEvent(new RetentionDue(cutoff));
        return messages;
    }
}
