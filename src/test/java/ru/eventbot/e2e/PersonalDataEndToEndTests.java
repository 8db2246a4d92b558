package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** A participant can have everything about them erased, and the figures they contributed to stay correct. */
class PersonalDataEndToEndTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        // No feedback requests: one of these events ends as it is created, and its attendees' request, sent whenever
        // the timer next ticks, landed anywhere in the conversation the test reads message by message (in CI).
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of("eventbot.events.feedback-within", "1ms"));
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
        likesAttendsRatesAndComments(ksenia, id, "⭐ 5", "Мероприятие удалось!");
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

    @Test
    void myDataSendsEverythingStoredAboutTheParticipantAsJsonAndNothingOnceForgotten() throws Exception {
        // given: Alexander liked, attended, rated and commented an event, and asked for a presentation not yet published
        var id = EventEndToEndTests.createEvent(bot, "Интерра: мастер-площадка", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        var alexander = telegram.user("Александр", "Духанин").withUsername("a_dukhanin");
        likesAttendsRatesAndComments(alexander, id, "⭐ 4", "Приятно было пообщаться с коллегами");
        alexander.sends("Пришлите, пожалуйста, презентацию Таисии Громовой");
        alexander.awaitMessage();
        // when
        alexander.sends("/mydata");
        var export = documentAmong(alexander);
        // then
        assertThat(export.caption()).contains("Всё, что бот хранит о вас");
        assertThat(export.document()).hasValueSatisfying(file -> assertThat(file.fileName()).endsWith(".json"));
        var data = JSON.readTree(export.documentBytes());
        assertThat(data.get("telegramUserId").asLong()).isEqualTo(alexander.id());
        assertThat(data.get("profile").get("lastName").asText()).isEqualTo("Духанин");
        assertThat(data.get("profile").get("username").asText()).isEqualTo("a_dukhanin");
        assertThat(data.get("consent").get("version").asText()).isNotBlank();
        assertThat(data.get("likes")).singleElement().satisfies(like -> assertThat(like.get("eventId").asLong()).isEqualTo(id));
        assertThat(data.get("rsvps")).singleElement().satisfies(rsvp -> assertThat(rsvp.get("eventId").asLong()).isEqualTo(id));
        assertThat(data.get("ratings")).singleElement().satisfies(rating -> {
            assertThat(rating.get("stars").asInt()).isEqualTo(4);
            assertThat(rating.get("comment").asText()).isEqualTo("Приятно было пообщаться с коллегами");
        });
        assertThat(data.get("materialRequests")).singleElement().satisfies(request -> {
            assertThat(request.get("text").asText()).contains("презентацию Таисии");
            assertThat(request.get("status").asText()).isEqualTo("WAITING");
        });
        assertThat(data.get("conversation").toString()).contains("Приятно было пообщаться").contains("/mydata");
        assertThat(data.get("updatesAsReceived")).isNotEmpty();
        assertThat(data.has("emailAddress")).as("named even when there is none").isTrue();
        var api = JSON.readTree(bot.get("/api/v1/participants/" + alexander.id() + "/data").body());
        assertThat(api.get("ratings")).isEqualTo(data.get("ratings"));
        assertThat(api.get("materialRequests")).isEqualTo(data.get("materialRequests"));

        // when he is forgotten and asks again
        alexander.sends("/forget");
        alexander.awaitMessage().pressButton("🗑 Удалить мои данные");
        alexander.awaitMessage();
        alexander.sends("/mydata");
        var after = JSON.readTree(alexander.awaitMessage().documentBytes());
        // then: only what this very message carried (Telegram sends his name with it), nothing from before
        for (var section : java.util.List.of("likes", "rsvps", "ratings", "commentLikes", "materialRequests", "emails",
                "broadcastsReceived")) {
            assertThat(after.get(section)).as(section).isEmpty();
        }
        assertThat(after.get("consent").isNull()).as("no consent without /start").isTrue();
        assertThat(after.toString()).doesNotContain("Приятно было пообщаться").doesNotContain("Таисии")
                .doesNotContain("event_" + id);
        var said = new java.util.ArrayList<String>();
        after.get("conversation").forEach(message -> {
            if (message.get("direction").asText().equals("IN")) said.add(message.get("text").asText());
        });
        assertThat(said).as("what he said since he was forgotten").containsExactly("/mydata");
    }

    private static void likesAttendsRatesAndComments(FakeUser user, long event, String stars, String comment) {
        user.sends("/start event_" + event);
        var card = user.awaitMessages(3).get(2);
        card.pressButton("👍").awaitAnswer();
        card.awaitEdit();
        card.current().pressButton("✅").awaitAnswer();
        card.current().pressButton("📝");
        user.awaitMessage().pressButton(stars);
        user.awaitMessage();
        user.sends(comment);
        user.awaitMessage();
    }

    /** The event is over, so its feedback question may arrive at any moment in between: the document, then. */
    private static ru.eventbot.testsupport.telegram.ReceivedMessage documentAmong(FakeUser user) {
        for (int i = 0; i < 3; i++) {
            var message = user.awaitMessage();
            if (message.document().isPresent()) {
                return message;
            }
        }
        throw new AssertionError("no document among the next three messages");
    }
}
