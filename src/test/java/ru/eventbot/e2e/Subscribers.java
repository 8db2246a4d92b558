package ru.eventbot.e2e;

import java.util.ArrayList;
import java.util.List;
import ru.eventbot.participant.ParticipantService;
import ru.eventbot.participant.TelegramProfile;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** Many participants who started the bot earlier: known to Telegram's fake and subscribed in the bot's database. */
final class Subscribers {

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
}
