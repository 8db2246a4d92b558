package ru.eventbot.broadcast;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rate             messages per second in total, in any one-second window ({@code EVENTBOT_BROADCAST_RATE})
 * @param paidRate         the same for broadcasts sent with {@code allow_paid_broadcast} (Telegram allows up to
 *                         1,000 per second for a fee in Telegram Stars)
 * @param senderThreads    calls to Telegram under way at once; at 1,000 messages per second and 30 ms per call,
 *                         about 30 are needed
 * @param batchSize        recipients claimed at a time
 * @param progressInterval how often the organiser's progress message is edited at most
 * @param checkInterval    how often scheduled broadcasts and reminders are looked for
 */
@ConfigurationProperties("eventbot.broadcast")
public record BroadcastProperties(@DefaultValue("25") int rate,
                                  @DefaultValue("1000") int paidRate,
                                  @DefaultValue("48") int senderThreads,
                                  @DefaultValue("500") int batchSize,
                                  @DefaultValue("2s") Duration progressInterval,
                                  @DefaultValue("5s") Duration checkInterval) {

    public BroadcastProperties {
        if (rate < 1 || paidRate < 1) {
            throw new IllegalArgumentException("eventbot.broadcast.rate and paid-rate must be at least 1 per second");
        }
    }
}
