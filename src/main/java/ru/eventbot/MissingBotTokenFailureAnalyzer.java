package ru.eventbot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

public class MissingBotTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingBotTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingBotTokenException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ": the bot needs a token to talk to Telegram.",
                "Get a token from @BotFather and start with: TELEGRAM_BOT_TOKEN=<token> ./mvnw spring-boot:run "
                        + "(without a token, on a new EVENTBOT_DATA_DIR, the bot starts in sandbox mode)",
                cause);
    }
}
