package ru.eventbot.sandbox;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link SandboxDataException} in one description and one action. */
public class SandboxDataFailureAnalyzer extends AbstractFailureAnalyzer<SandboxDataException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SandboxDataException cause) {
        return new FailureAnalysis(
                "EVENTBOT_DATA_DIR (" + cause.dataDir() + ") holds the sandbox's demo data: simulated participants "
                        + "Telegram does not know and file ids it never issued. A real bot does not start on it.",
                "Start the real bot on a folder of its own (EVENTBOT_DATA_DIR=./data-bot TELEGRAM_BOT_TOKEN=<token> "
                        + "./mvnw spring-boot:run), or delete " + cause.dataDir() + " to start afresh.",
                cause);
    }
}
