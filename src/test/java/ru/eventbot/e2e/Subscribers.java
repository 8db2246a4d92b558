package ru.eventbot.e2e;

import java.util.ArrayList;
import java.util.List;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** Many participants who started the bot earlier: known to Telegram's fake and subscribed in the bot's database. */
public final class Subscribers {

    private Subscribers() {
    }

    static List<FakeUser> of(FakeTelegram telegram, RunningBot bot, int count, String firstName) {
        var participants = bot.bean(ParticipantService.class);
        var users = new ArrayList<FakeUser>(count);
        for (int i = 0; i < count; i++) {
            var user = telegram.user(firstName, "№" + (i + 1)).knownToTheBot();
            participants.subscribe(new TelegramProfile(user.id(), user.chatId(), user.firstName(), user.lastName(),
                    user.username(), user.languageCode()), null);
            users.add(user);
        }
        return users;
    }

    /** Many subscribers stored at once, in one JDBC batch with ids from {@code firstId} (volume tests, benchmarks). */
    public static List<FakeUser> storedAtOnce(FakeTelegram telegram, RunningBot bot, int count, String firstName,
                                              long firstId) {
        var users = new ArrayList<FakeUser>(count);
        var rows = new ArrayList<Object[]>(count);
        var now = java.sql.Timestamp.from(java.time.Instant.now());
        for (int i = 0; i < count; i++) {
            var user = telegram.user(firstName, "№" + (i + 1)).knownToTheBot();
            users.add(user);
            rows.add(new Object[] {firstId + i, user.id(), user.chatId(), user.firstName(), now, now});
        }
        bot.jdbc().batchUpdate("insert into participant (id, telegram_user_id, chat_id, first_name, language, "
                + "subscribed, blocked, created_at, updated_at) values (?, ?, ?, ?, 'RU', true, false, ?, ?)", rows);
        return users;
    }
}
