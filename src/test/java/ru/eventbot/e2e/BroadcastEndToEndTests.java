package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.eventbot.e2e.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.Fault;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;
import ru.eventbot.testsupport.telegram.RecordedCall;

/** Organisers broadcast over the API; every chosen participant gets the message once, at Telegram's pace. */
class BroadcastEndToEndTests {

    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.broadcast.rate", "200",
                "eventbot.broadcast.check-interval", "300ms"));
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallTheBotMadeFollowedTheBotApiSpecification() {
        telegram.clearFaults();
        telegram.assertNoValidationErrors();
        bot.jdbc().update("update participant set subscribed = false");
    }

    @Test
    void aThousandSubscribersEachGetTheAnnouncementExactlyOnceAtTheConfiguredRate() {
        // given
        var participants = Subscribers.of(telegram, bot, 1000, "Участник");
        telegram.clearCalls();
        // when
        var created = bot.post("/api/v1/broadcasts", "{\"text\":\"Мастер-класс МФЦ: спасибо всем участникам!\","
                + "\"audience\":\"ALL\"}");
        // then
        assertThat(created.status()).isEqualTo(202);
        var broadcast = awaitDone(created.json().get("id").asLong(), Duration.ofSeconds(60));
        assertThat(broadcast.get("total").asInt()).isEqualTo(1000);
        assertThat(broadcast.get("sent").asInt()).isEqualTo(1000);
        assertThat(broadcast.get("failed").asInt()).isZero();
        assertThat(broadcast.get("uncertain").asInt()).isZero();
        for (var participant : participants) {
            assertThat(telegram.messagesTo(participant.chatId()))
                    .as("messages to %s", participant).singleElement()
                    .satisfies(message -> assertThat(message.text()).contains("спасибо всем участникам"));
        }
        // The pacer never grants more than 200 slots in any second (BroadcastPacerTests); here the pace is checked
        // as Telegram sees it on average. (The busiest second as received is not asserted: the fake runs in the
        // bot's JVM, and a garbage-collection pause there bunches up the requests it reads afterwards.)
        var calls = telegram.calls("sendMessage");
        var first = calls.stream().map(RecordedCall::at).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var last = calls.stream().map(RecordedCall::at).max(java.util.Comparator.naturalOrder()).orElseThrow();
        assertThat(Duration.between(first, last)).as("1,000 messages at 200/s").isGreaterThan(Duration.ofMillis(4_700));
        assertThat(bot.jdbc().queryForObject("select count(*) from conversation_message where kind = 'ANNOUNCEMENT' "
                + "and text = 'Мастер-класс МФЦ: спасибо всем участникам!'", Integer.class)).isEqualTo(1000);
    }

    @Test
    void participantsWhoStoppedOrBlockedTheBotAreLeftOutAndBlocksFoundWhileSendingAreCounted() {
        // given
        var participants = Subscribers.of(telegram, bot, 10, "Слушатель");
        var stopped = participants.get(0);
        stopped.sends("/stop");
        stopped.awaitMessage();
        var blockedSilently = participants.subList(1, 4);
        blockedSilently.forEach(FakeUser::blocksTheBotSilently);
        // when
        var broadcast = awaitDone(bot.post("/api/v1/broadcasts", "{\"text\":\"Материалы конференции опубликованы\"}")
                .json().get("id").asLong(), Duration.ofSeconds(20));
        // then
        assertThat(broadcast.get("total").asInt()).isEqualTo(9);
        assertThat(broadcast.get("sent").asInt()).isEqualTo(6);
        assertThat(broadcast.get("blocked").asInt()).isEqualTo(3);
        assertThat(telegram.messagesTo(stopped.chatId())).noneMatch(m -> m.text().contains("Материалы конференции"));
        for (var participant : blockedSilently) {
            assertThat(bot.jdbc().queryForObject("select blocked from participant where telegram_user_id = ?",
                    Boolean.class, participant.id())).isTrue();
        }
        participants.subList(4, 10).forEach(p -> assertThat(telegram.messagesTo(p.chatId())).hasSize(1));
    }

    @Test
    void aStormOf429sIsWaitedOutInsteadOfHammeredAndNobodyGetsTwoCopies() {
        // given
        var participants = Subscribers.of(telegram, bot, 200, "Гость");
        telegram.clearCalls();
        // when: once the broadcast is under way, for two seconds Telegram answers every sendMessage with 429, retry
        // after 1 s (started by the first copy rather than by the clock, which a slow machine may not keep up with)
        var id = bot.post("/api/v1/broadcasts", "{\"text\":\"Форум инноваций: программа\"}").json().get("id").asLong();
        telegram.awaitCall("sendMessage", Duration.ofSeconds(10));
        telegram.failFor("sendMessage", Duration.ofSeconds(2), Fault.tooManyRequests(1));
        var broadcast = awaitDone(id, Duration.ofSeconds(30));
        // then
        assertThat(broadcast.get("sent").asInt()).isEqualTo(200);
        participants.forEach(p -> assertThat(telegram.messagesTo(p.chatId())).hasSize(1));
        var refused = telegram.calls("sendMessage").stream().filter(call -> call.responseStatus() == 429).count();
        // At 200 messages per second a bot that ignored retry_after would be refused about 400 times; one that
        // waits is refused only for the calls it made before each 429 reached it (twice, since the storm outlasts
        // the first retry_after).
        assertThat(refused).as("calls refused with 429").isPositive().isLessThan(100);
    }

    @Test
    void aScheduledBroadcastWaitsForItsTimeAndGoesOutOnce() {
        // given
        var participants = Subscribers.of(telegram, bot, 3, "Зритель");
        var at = OffsetDateTime.now().plusSeconds(2);
        // when
        var created = bot.post("/api/v1/broadcasts", "{\"text\":\"Через минуту начинаем трансляцию\","
                + "\"scheduledAt\":\"" + at + "\"}").json();
        // then
        assertThat(created.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(telegram.messagesTo(participants.get(0).chatId())).isEmpty();
        var done = awaitDone(created.get("id").asLong(), Duration.ofSeconds(20));
        assertThat(done.get("sent").asInt()).isEqualTo(3);
        assertThat(OffsetDateTime.parse(done.get("startedAt").asText())).isAfterOrEqualTo(at);
        participants.forEach(p -> assertThat(telegram.messagesTo(p.chatId())).hasSize(1));
    }

    @Test
    void cancellingStopsWhatHasNotGoneOutAndAFinishedBroadcastCannotBeCancelled() {
        // given
        Subscribers.of(telegram, bot, 600, "Участница");
        var id = bot.post("/api/v1/broadcasts", "{\"text\":\"Анонс, который отменят\"}").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.get("/api/v1/broadcasts/" + id).json()
                .get("sent").asInt() > 50);
        // when
        var cancelled = bot.post("/api/v1/broadcasts/" + id + "/cancel", "");
        // then
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        var settled = await().atMost(Duration.ofSeconds(5)).until(() -> bot.get("/api/v1/broadcasts/" + id).json(),
                json -> json.get("pending").asInt() == 0);
        var sentCount = telegram.messagesSentCount();
        assertThat(settled.get("cancelled").asInt()).isPositive();
        assertThat(settled.get("sent").asInt() + settled.get("cancelled").asInt()).isEqualTo(600);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> telegram.messagesSentCount() == sentCount);
        var again = bot.post("/api/v1/broadcasts/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badBroadcastsAreRefusedWithAClearProblem() {
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"   \"}"), 400, "text must not be empty");
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"" + "я".repeat(4097) + "\"}"), 400, "4096");
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"Привет\",\"eventId\":987654}"), 400,
                "no event 987654");
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"Привет\",\"audience\":\"VIP\"}"), 400,
                "Unknown audience");
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"Привет\",\"audience\":\"EVENT_ATTENDEES\"}"), 400,
                "needs an eventId");
        assertProblem(bot.post("/api/v1/broadcasts", "{\"text\":\"Привет\",\"scheduledAt\":\""
                + OffsetDateTime.now().minusMinutes(5) + "\"}"), 400, "in the past");
        assertProblem(bot.get("/api/v1/broadcasts/424242"), 404, "no broadcast 424242");
    }

    static JsonNode awaitDone(long id, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> bot.get("/api/v1/broadcasts/" + id).json(),
                        json -> json.get("status").asText().equals("DONE"));
    }
}
