package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/** A participant can have everything about them erased, and the figures they contributed to stay correct. */
class PersonalDataEndToEndTests {

    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of());
    }

    @AfterAll
    static void stopEverything() {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
    }

    @AfterEach
    void everyCallTheBotMadeFollowedTheBotApiSpecification() {
        telegram.assertNoValidationErrors();
    }

    @Test
    void forgetErasesTheParticipantAfterConfirmationAndKeepsTheFigures() {
        // given: Ksenia liked, attended, rated and commented
        var id = EventEndToEndTests.createEvent(bot, "Мастер-площадка МФЦ", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        var ksenia = telegram.user("Ксения", "Садовская").withUsername("ksenia_s");
        ksenia.sends("/start event_" + id);
        var card = ksenia.awaitMessages(3).get(2);
        card.pressButton("👍").awaitAnswer();
        card.awaitEdit();
        card.current().pressButton("✅").awaitAnswer();
        card.current().pressButton("📝");
        ksenia.awaitMessage().pressButton("⭐ 5");
        ksenia.awaitMessage();
        ksenia.sends("Мероприятие удалось!");
        ksenia.awaitMessage();
        // when: she asks to be forgotten, and confirms
        ksenia.sends("/forget");
        var question = ksenia.awaitMessage();
        assertThat(question.text()).contains("Отменить это нельзя");
        question.pressButton("🗑 Удалить мои данные");
        // then
        assertThat(ksenia.awaitMessage().text()).contains("ваши данные удалены");
        await().untilAsserted(() -> assertThat(bot.get("/api/v1/participants").body()).doesNotContain("Садовская")
                .doesNotContain("ksenia_s"));
        assertThat(bot.get("/api/v1/conversations/" + ksenia.id()).status()).isEqualTo(404);
        var feedback = bot.get("/api/v1/events/" + id + "/feedback").json();
        assertThat(feedback.get("likes").asInt()).isEqualTo(1);
        assertThat(feedback.get("ratings").get("average").asDouble()).isEqualTo(5.0);
        assertThat(feedback.get("comments").get(0).get("author").asText()).isEqualTo("—");
        assertThat(bot.get("/api/v1/events/" + id).json().get("attendees").asInt()).isEqualTo(1);
        var traces = bot.jdbc().queryForObject("select count(*) from conversation_message where telegram_user_id = ?",
                Integer.class, ksenia.id()) + bot.jdbc().queryForObject("select count(*) from inbound_update "
                + "where chat_id = ?", Integer.class, ksenia.id()) + bot.jdbc().queryForObject("select count(*) "
                + "from event_like where telegram_user_id = ?", Integer.class, ksenia.id());
        assertThat(traces).as("rows still naming her").isZero();
    }

    @Test
    void keepingTheDataChangesNothing() {
        // given
        var olga = telegram.user("Ольга", "Иванова");
        olga.sends("/start");
        olga.awaitMessages(2);
        // when
        olga.sends("/forget");
        olga.awaitMessage().pressButton("Оставить");
        // then
        assertThat(olga.awaitMessage().text()).contains("ничего не удаляем");
        assertThat(bot.get("/api/v1/participants").body()).contains("Иванова");
    }
}
