package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.eventbot.e2e.ApiAssertions.assertProblem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/** Organisers create events over the API; participants find them in Telegram, open their cards and attend. */
class EventEndToEndTests {

    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

    static FakeTelegram telegram;
    static RunningBot bot;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.broadcast.check-interval", "300ms"));
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
    void withATokenThereIsNoSandboxAndItsPathsAskForASignInLikeAnyOther() {
        // when
        var signedIn = bot.get("/sandbox/chat/participants");
        var page = bot.get("/sandbox/index.html");
        var anonymous = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/sandbox/")).GET());

        // then
        assertThat(signedIn.status()).isEqualTo(404);
        assertThat(page.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void anEventCreatedOverTheApiIsShownWithItsTalksAndTimesInItsOwnZone() {
        // when
        var created = bot.post("/api/v1/events", """
                {"title": "Мастер-класс «Как работают люди в МФЦ»", "description": "Форум инноваций",
                 "venue": "Технопарк, зал 2", "startsAt": "2026-12-10T15:00:00+03:00",
                 "endsAt": "2026-12-10T17:00:00+03:00", "timeZone": "Europe/Moscow",
                 "talks": [{"title": "Люди в МФЦ", "speaker": "Таисия Петрова"}]}""");
        // then
        assertThat(created.status()).isEqualTo(201);
        var event = created.json();
        assertThat(event.get("title").asText()).isEqualTo("Мастер-класс «Как работают люди в МФЦ»");
        assertThat(event.get("startsAt").asText()).isEqualTo("2026-12-10T15:00:00+03:00");
        assertThat(event.get("talks").get(0).get("speaker").asText()).isEqualTo("Таисия Петрова");
        var read = bot.get("/api/v1/events/" + event.get("id").asLong());
        assertThat(read.json().get("venue").asText()).isEqualTo("Технопарк, зал 2");
        assertThat(bot.get("/api/v1/events").json().findValuesAsText("title"))
                .contains("Мастер-класс «Как работают люди в МФЦ»");
    }

    @Test
    void badEventsAreRefusedWithAClearProblem() {
        assertProblem(bot.post("/api/v1/events", eventJson("Конец раньше начала", "2026-12-10T15:00:00+03:00",
                "2026-12-10T14:00:00+03:00")), 400, "endsAt must be after startsAt");
        assertProblem(bot.post("/api/v1/events", eventJson("Т".repeat(201), "2026-12-10T15:00:00+03:00",
                "2026-12-10T16:00:00+03:00")), 400, "title is 201 characters");
        assertProblem(bot.post("/api/v1/events", eventJson(" ", "2026-12-10T15:00:00+03:00",
                "2026-12-10T16:00:00+03:00")), 400, "title must not be empty");
        assertProblem(bot.post("/api/v1/events", """
                {"title": "Где-то", "startsAt": "2026-12-10T15:00:00+03:00", "endsAt": "2026-12-10T16:00:00+03:00",
                 "timeZone": "Mars/Olympus"}"""), 400, "Unknown timeZone");
        assertProblem(bot.post("/api/v1/events", "{\"title\": \"Без даты\", \"startsAt\": \"завтра\"}"), 400, "");
        assertProblem(bot.get("/api/v1/events/999999"), 404, "no event 999999");
    }

    @Test
    void eventsListsCardsInRussianAndAttendingTogglesWithTheCardUpdatedInPlace() {
        // given
        var id = createEvent("Форум «Открытый регион»", OffsetDateTime.of(2026, 12, 11, 10, 0, 0, 0, MOSCOW));
        var ksenia = telegram.user("Ксения", "Садовская");
        ksenia.sends("/start");
        ksenia.awaitMessages(2);
        // when
        ksenia.sends("/events");
        var list = ksenia.awaitMessage();
        list.pressButton(buttonFor(list, "Форум «Открытый регион»"));
        var card = ksenia.awaitMessage();
        // then
        assertThat(card.text()).contains("Форум «Открытый регион»").contains("11 декабря 2026, 10:00")
                .contains("📍 Технопарк");
        assertThat(card.buttonLabels()).anyMatch(l -> l.startsWith("👍")).anyMatch(l -> l.startsWith("📝"))
                .anyMatch(l -> l.startsWith("📎")).anyMatch(l -> l.startsWith("✅"));
        // when
        var press = card.pressButton("✅");
        // then
        assertThat(press.awaitAnswer().text()).contains("вы идёте");
        assertThat(card.awaitEdit().buttonLabels()).contains("✅ Иду · отменить");
        assertThat(bot.get("/api/v1/events/" + id).json().get("attendees").asInt()).isEqualTo(1);
        // when
        card.current().pressButton("✅ Иду").awaitAnswer();
        // then
        await().untilAsserted(() -> assertThat(bot.get("/api/v1/events/" + id).json().get("attendees").asInt()).isZero());
    }

    @Test
    void aDeepLinkOpensTheEventsCardInTheParticipantsLanguage() {
        // given
        var id = createEvent("Innovation forum master class", OffsetDateTime.of(2026, 12, 12, 15, 0, 0, 0, MOSCOW));
        var anna = telegram.user("Anna", "Smith").withLanguage("en");
        // when
        anna.sends("/start event_" + id);
        // then
        var messages = anna.awaitMessages(3);
        assertThat(messages.get(2).text()).contains("Innovation forum master class").contains("December 12, 2026");
        assertThat(messages.get(2).buttonLabels()).contains("✅ Attend");
    }

    @Test
    void longListsPageWithButtonsInTheSameMessage() {
        // given
        var start = OffsetDateTime.now(MOSCOW).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        for (int i = 1; i <= 7; i++) {
            createEvent("Секция " + i, start.plusDays(i));
        }
        var vladimir = telegram.user("Владимир", "Кнышев");
        vladimir.sends("/start");
        vladimir.awaitMessages(2);
        // when
        vladimir.sends("/events");
        var list = vladimir.awaitMessage();
        var pages = list.text();
        list.pressButton("Дальше ▶");
        // then
        var next = list.awaitEdit();
        assertThat(next.text()).isNotEqualTo(pages).contains("2 из");
        assertThat(next.buttonLabels()).anyMatch(l -> l.startsWith("◀"));
    }

    @Test
    void attendeesHearWhenTheVenueOrTimeChanges() {
        // given
        var start = OffsetDateTime.now(MOSCOW).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        var id = createEvent("Круглый стол МФЦ", start);
        var alexander = telegram.user("Александр", "Духанин");
        alexander.sends("/start event_" + id);
        var card = alexander.awaitMessages(3).get(2);
        card.pressButton("✅").awaitAnswer();
        var other = telegram.user("Ольга", "Иванова");
        other.sends("/start");
        other.awaitMessages(2);
        // when
        var updated = bot.put("/api/v1/events/" + id, eventJson("Круглый стол МФЦ", start.plusHours(2).toString(),
                start.plusHours(4).toString()).replace("Технопарк, зал 2", "Дом правительства, зал 5"));
        // then
        assertThat(updated.status()).isEqualTo(200);
        var notice = alexander.awaitMessage(Duration.ofSeconds(15));
        assertThat(notice.text()).contains("Изменения").contains("Дом правительства, зал 5")
                .contains("было: Технопарк, зал 2").contains("Новое время");
        assertThat(notice.buttonLabels()).anyMatch(l -> l.startsWith("👍"));
        other.noMoreMessagesWithin(Duration.ofMillis(800));
    }

    @Test
    void anAnnouncementToAnEventsAttendeesCarriesItsButtons() {
        // given
        var id = createEvent("Презентация проектов", OffsetDateTime.now(MOSCOW).plusDays(5));
        var taisia = telegram.user("Таисия", "Петрова");
        taisia.sends("/start event_" + id);
        taisia.awaitMessages(3).get(2).pressButton("✅").awaitAnswer();
        var bystander = telegram.user("Пётр", "Сидоров");
        bystander.sends("/start");
        bystander.awaitMessages(2);
        // when
        var broadcast = bot.post("/api/v1/broadcasts", "{\"text\":\"Ждём вас завтра в 10:00\",\"eventId\":" + id
                + ",\"audience\":\"EVENT_ATTENDEES\"}");
        // then
        assertThat(broadcast.status()).isEqualTo(202);
        var announcement = taisia.awaitMessage(Duration.ofSeconds(10));
        assertThat(announcement.text()).isEqualTo("Ждём вас завтра в 10:00");
        assertThat(announcement.buttonLabels()).anyMatch(l -> l.startsWith("👍")).anyMatch(l -> l.startsWith("📝"))
                .anyMatch(l -> l.startsWith("📎")).anyMatch(l -> l.startsWith("✅"));
        bystander.noMoreMessagesWithin(Duration.ofMillis(800));
    }

    static long createEvent(String title, OffsetDateTime start) {
        return createEvent(bot, title, start);
    }

    static long createEvent(RunningBot bot, String title, OffsetDateTime start) {
        var response = bot.post("/api/v1/events", eventJson(title, start.toString(), start.plusHours(2).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    static String eventJson(String title, String startsAt, String endsAt) {
        return "{\"title\": \"" + title.replace("\"", "\\\"") + "\", \"venue\": \"Технопарк, зал 2\", "
                + "\"startsAt\": \"" + startsAt + "\", \"endsAt\": \"" + endsAt + "\"}";
    }

    private static String buttonFor(ReceivedMessage list, String title) {
        return list.buttonLabels().stream().filter(label -> label.contains(title)).findFirst().orElseThrow();
    }

}
