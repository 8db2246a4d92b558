package ru.eventbot.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** A fake Bot API and the bot instances a test starts against it; closing stops them all. */
final class BotFleet implements AutoCloseable {

    final FakeTelegram telegram = FakeTelegram.start();
    private final List<RunningBot> bots = new ArrayList<>();

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
