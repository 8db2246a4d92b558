package ru.eventbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import ru.eventbot.MissingBotTokenException;

/**
 * @param token         the bot token from @BotFather ({@code TELEGRAM_BOT_TOKEN})
 * @param apiUrl        base URL of the Bot API ({@code TELEGRAM_API_URL})
 * @param mode          {@code polling} or {@code webhook} ({@code TELEGRAM_MODE})
 * @param webhookUrl    public URL Telegram posts updates to ({@code TELEGRAM_WEBHOOK_URL})
 * @param webhookSecret value of {@code X-Telegram-Bot-Api-Secret-Token} ({@code TELEGRAM_WEBHOOK_SECRET})
 * @param pollTimeout   how long one getUpdates long poll waits on Telegram's side
 * @param handlerLanes  updates are handled in order within a chat and concurrently across this many lanes; a lane's
 *                      work is mostly CPU in the database, so about one per core: fewer, larger transactions
 * @param maxInFlight   at most this many taken but unhandled updates are held in memory (backpressure)
 * @param senderThreads calls to Telegram in flight at once for replies (a batch's chats go concurrently)
 */
@ConfigurationProperties("eventbot.telegram")
public record TelegramProperties(
        String token,
        @DefaultValue("https://api.telegram.org") String apiUrl,
        @DefaultValue("polling") String mode,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue("2") int handlerLanes,
        @DefaultValue("2000") int maxInFlight,
        @DefaultValue("32") int senderThreads) {

    public TelegramProperties {
        if (token == null || token.isBlank()) {
            throw new MissingBotTokenException();
        }
        mode = mode == null ? "polling" : mode.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("polling") && !mode.equals("webhook")) {
            throw new IllegalArgumentException("TELEGRAM_MODE must be 'polling' or 'webhook', not '" + mode + "'");
        }
        if (mode.equals("webhook")) {
            if (webhookUrl == null || webhookUrl.isBlank()) {
                throw new IllegalArgumentException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL");
            }
            if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{1,256}")) {
                throw new IllegalArgumentException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET: "
                        + "1-256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }
        if (handlerLanes < 1 || maxInFlight < 100 || senderThreads < 1) {
            throw new IllegalArgumentException("eventbot.telegram.handler-lanes and sender-threads must be >= 1, "
                    + "max-in-flight >= 100");
        }
    }

    public boolean webhookMode() {
        return mode.equals("webhook");
    }

    /** The path of {@link #webhookUrl()}, where this application serves the webhook. */
    public String webhookPath() {
        var path = URI.create(webhookUrl).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=" + apiUrl + ", mode=" + mode + ", webhookUrl=" + webhookUrl
                + ", token=<hidden>, webhookSecret=<hidden>]";
    }
}
