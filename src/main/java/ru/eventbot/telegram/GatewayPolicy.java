package ru.eventbot.telegram;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway retries: 5xx answers and network errors back off exponentially from {@code firstBackoff} up to
 * {@code maxBackoff} for at most {@code maxAttempts} calls; a 429 waits Telegram's {@code retry_after} (the whole
 * gateway pauses, so there is no retry storm) at most {@code maxRateLimitWaits} times for one call. A call whose
 * answer does not come within {@code readTimeout} counts as a network error.
 */
@ConfigurationProperties("eventbot.telegram.gateway")
record GatewayPolicy(@DefaultValue("250ms") Duration firstBackoff,
                     @DefaultValue("10s") Duration maxBackoff,
                     @DefaultValue("6") int maxAttempts,
                     @DefaultValue("10") int maxRateLimitWaits,
                     @DefaultValue("30s") Duration readTimeout) {

    Duration backoff(int failedAttempts) {
        var millis = firstBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
