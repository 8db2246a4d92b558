package ru.eventbot.telegram;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without a bot token before anything else happens (no database migration, no half-built
 * context); {@link MissingBotTokenFailureAnalyzer} then says what to set.
 */
class BotTokenCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var token = environment.getProperty("eventbot.telegram.token");
        if (token == null || token.isBlank()) {
            throw new MissingBotTokenException();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files are read
    }
}
