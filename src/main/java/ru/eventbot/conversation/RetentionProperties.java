package ru.eventbot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param days  conversations older than this are deleted ({@code EVENTBOT_RETENTION_DAYS})
 * @param every how often the purge runs
 */
@ConfigurationProperties("eventbot.retention")
public record RetentionProperties(@DefaultValue("365") int days, @DefaultValue("24h") Duration every) {

    public RetentionProperties {
        if (days < 1) {
            throw new IllegalArgumentException("eventbot.retention.days (EVENTBOT_RETENTION_DAYS) must be at least 1");
        }
    }
}
