package ru.eventbot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.eventbot.testsupport.postgres.PostgresTestDatabase;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** A fake Bot API and the bot instances a test starts against it; closing stops them all. */
final class BotFleet implements AutoCloseable {

    final FakeTelegram telegram = FakeTelegram.start();
    private final List<RunningBot> bots = new ArrayList<>();

    /** The secret every webhook instance of a fleet test checks. */
    static final String SECRET = "fleet_secret";
    static final String WEBHOOK_PATH = "/telegram/webhook";

    /**
     * An instance in webhook mode on the shared PostgreSQL database {@code database}, with a three-second lease,
     * on a port of its own, and {@code extra} settings.
     */
    RunningBot webhookInstance(String database, Map<String, Object> extra) {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var settings = new HashMap<String, Object>(Map.of(
                PostgresTestDatabase.SHARED_DATABASE, database,
                "eventbot.telegram.mode", "webhook",
                "eventbot.telegram.webhook-url", "http://127.0.0.1:" + port + WEBHOOK_PATH,
                "eventbot.telegram.webhook-secret", SECRET,
                "server.port", String.valueOf(port),
                "eventbot.fleet.lease", "3s"));
        settings.putAll(extra);
        return start(settings);
    }

    RunningBot start(Map<String, Object> settings) {
        var bot = RunningBot.start(telegram.baseUrl(), telegram.token(), settings);
        bots.add(bot);
        return bot;
    }

    @Override
    public void close() {
        bots.forEach(RunningBot::close);
        telegram.close();
    }
}
