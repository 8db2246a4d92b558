package ru.eventbot.fleet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instanceId this instance's name in the fleet ({@code EVENTBOT_INSTANCE_ID}); by default the host name
 *                   and the data folder, which holds the instance's delivery journals: a restart on the same
 *                   folder is the same instance and settles its own deliveries exactly
 * @param lease      how long an instance counts as running without renewing its lease; renewed every third of
 *                   it. Another instance takes over what an instance left once its lease has run out.
 */
@ConfigurationProperties("eventbot.fleet")
public record FleetProperties(String instanceId, @DefaultValue("15s") Duration lease) {

    public FleetProperties {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("eventbot.fleet.lease must be at least 1s");
        }
    }
}
