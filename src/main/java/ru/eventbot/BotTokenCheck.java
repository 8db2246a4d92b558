package ru.eventbot;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start the bot without a token before anything else happens (no database migration, no half-built
 * context); {@link MissingBotTokenFailureAnalyzer} then says what to set. Registered by the application's main
 * method only, so test slices that never talk to Telegram need no token.
 */
public class BotTokenCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var token = event.getEnvironment().getProperty("eventbot.telegram.token");
        if (token == null || token.isBlank()) {
            throw new MissingBotTokenException();
        }
    }
}
