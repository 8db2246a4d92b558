package ru.eventbot;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start without a token before anything else happens (no database migration, no half-built context);
 * {@link MissingBotTokenFailureAnalyzer} then says what to set. Runs after the sandbox's own check
 * ({@code ru.eventbot.sandbox.SandboxActivation}), which, when the application starts from its main method without a
 * token, switches to sandbox mode with a token of the stand-in's, or leaves the reason it could not in
 * {@code eventbot.sandbox.refused}. Registered by the application's main method only, so test slices that never
 * talk to Telegram need no token.
 */
public class BotTokenCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String SANDBOX_ALLOWED = "eventbot.sandbox.allowed";
    private static final String SANDBOX_REFUSED = "eventbot.sandbox.refused";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        var token = environment.getProperty("eventbot.telegram.token");
        if (token == null || token.isBlank()) {
            var whyNoSandbox = environment.getProperty(SANDBOX_REFUSED);
            throw whyNoSandbox == null ? new MissingBotTokenException() : new MissingBotTokenException(whyNoSandbox);
        }
    }
}
