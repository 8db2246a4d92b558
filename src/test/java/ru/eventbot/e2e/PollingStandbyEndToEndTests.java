package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;
import ru.eventbot.testsupport.telegram.RecordedCall;

/**
 * A second instance polling the same token: Telegram ends the older long poll with 409 Conflict. The instance that
 * gets it says so in one log line and stands by instead of fighting; the other one answers everybody, once.
 */
@ExtendWith(OutputCaptureExtension.class)
class PollingStandbyEndToEndTests {

    static final String STANDBY = "Another instance is polling this bot's token (Telegram answered 409 Conflict";

    private final BotFleet fleet = new BotFleet();
    private final FakeTelegram telegram = fleet.telegram;

    @AfterEach
    void stopEverything() {
        fleet.close();
    }

    @Test
    void aSecondPollerMakesTheFirstStandByAndEveryMessageIsAnsweredOnce(CapturedOutput output) {
        // given: one instance polling
        fleet.start(java.util.Map.of());
        telegram.awaitCall("getUpdates", Duration.ofSeconds(30));
        // when: a second one starts polling the same token
        fleet.start(java.util.Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(STANDBY));
        var participants = new ArrayList<FakeUser>();
        for (int i = 1; i <= 5; i++) {
            var participant = telegram.user("Участник", "№" + i).knownToTheBot();
            participant.sends("/help");
            participants.add(participant);
        }
        // then: each answered once, by whichever polls, and no tug of war over the token
        assertThat(participants).allSatisfy(participant -> {
            assertThat(participant.awaitMessage().text()).contains("/events");
            participant.noMoreMessagesWithin(Duration.ofMillis(300));
        });
        var conflicts = telegram.calls("getUpdates").stream().filter(call -> call.responseStatus() == 409).count();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> conflicts(telegram) == conflicts);
        assertThat(conflicts).isEqualTo(1);
        assertThat(output.getOut().split(java.util.regex.Pattern.quote(STANDBY), -1)).hasSize(2); // one line
        telegram.assertNoValidationErrors();
    }

    private static long conflicts(FakeTelegram telegram) {
        return telegram.calls("getUpdates").stream().mapToInt(RecordedCall::responseStatus).filter(s -> s == 409)
                .count();
    }
}
