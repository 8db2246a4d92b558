package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.eventbot.e2e.ApiAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/** What participants feel about an event reaches the organisers: likes, ratings with comments, reactions. */
class FeedbackEndToEndTests {

    private static final String MASTER_CLASS = "Мастер-площадка: Внедрение инновационного технологического "
            + "инструментария в сфере предоставления государственных и муниципальных услуг";
    private static final long ORGANISER_ID = 710_001;

    static FakeTelegram telegram;
    static RunningBot bot;
    static FakeUser organiser;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        organiser = telegram.user(ORGANISER_ID, "Мария", "Организатор");
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of(
                "eventbot.organiser-ids", String.valueOf(ORGANISER_ID),
                "eventbot.broadcast.rate", "100",
                "eventbot.broadcast.check-interval", "300ms"));
        organiser.sends("/start");
        organiser.awaitMessage(Duration.ofSeconds(30)); // the first answer of a fresh JVM is the slowest
        organiser.awaitMessage();
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
    void theMasterClassStoryPlaysThroughAndTheFiguresMatch() {
        // given: the master class has taken place, and three participants open its card
        var id = createEvent(MASTER_CLASS, OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(3));
        var vladimir = participantWithCard("Владимир", "Кнышев", id);
        var ksenia = participantWithCard("Ксения", "Садовская", id);
        var alexander = participantWithCard("Александр", "Духанин", id);
        // when: Vladimir likes the post
        var like = vladimir.card.pressButton("👍");
        // then
        assertThat(like.awaitAnswer().text()).contains("нравится");
        assertThat(vladimir.card.awaitEdit().buttonLabels()).contains("👍 1");
        // when: Ksenia rates it and comments
        ksenia.card.pressButton("📝");
        ksenia.user.awaitMessage().pressButton("⭐ 5");
        assertThat(ksenia.user.awaitMessage().text()).contains("Напишите комментарий");
        ksenia.user.sends("Мероприятие удалось! Такие мероприятия нужно проводить намного чаще. Хорошая площадка "
                + "для обсуждения общих проблем и поиска путей их решения.");
        assertThat(ksenia.user.awaitMessage().text()).contains("Спасибо за отзыв");
        // and Alexander rates it, thanks the organisers, and likes Ksenia's comment
        alexander.card.pressButton("📝");
        alexander.user.awaitMessage().pressButton("⭐ 4");
        alexander.user.awaitMessage();
        alexander.user.sends("Приятно было пообщаться с коллегами. Спасибо организаторам.");
        alexander.user.awaitMessage();
        alexander.card.pressButton("💬");
        var comments = alexander.user.awaitMessage();
        assertThat(comments.text()).contains("Ксения С.").contains("Мероприятие удалось!")
                .contains("Александр Д.").doesNotContain("Садовская");
        var ksenias = comments.buttonLabels().stream().filter(l -> l.startsWith("👍") && l.endsWith("· 2"))
                .findFirst().orElseThrow();
        comments.pressButton(ksenias).awaitAnswer();
        assertThat(comments.awaitEdit().buttonLabels()).contains("👍 1 · 2");
        // then: the organisers' figures
        var feedback = bot.get("/api/v1/events/" + id + "/feedback").json();
        assertThat(feedback.get("likes").asInt()).isEqualTo(1);
        assertThat(feedback.get("ratings").get("count").asInt()).isEqualTo(2);
        assertThat(feedback.get("ratings").get("average").asDouble()).isEqualTo(4.5);
        assertThat(feedback.get("ratings").get("histogram").get("5").asInt()).isEqualTo(1);
        assertThat(feedback.get("ratings").get("histogram").get("4").asInt()).isEqualTo(1);
        assertThat(feedback.get("comments")).hasSize(2);
        var ksenia0 = feedback.get("comments").get(0);
        assertThat(ksenia0.get("author").asText()).isEqualTo("Ксения Садовская");
        assertThat(ksenia0.get("rating").asInt()).isEqualTo(5);
        assertThat(ksenia0.get("likes").asInt()).isEqualTo(1);
        assertThat(ksenia0.get("createdAt").asText()).isNotBlank();
        // and the CSV opens in a spreadsheet with its Cyrillic intact
        var csv = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/api/v1/events/" + id + "/feedback.csv"))
                .header("Authorization", basic()));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF").contains("Ксения Садовская").contains("Мероприятие удалось!");
        // and, anonymised for sharing, it names nobody
        var anonymised = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/api/v1/events/" + id
                + "/feedback.csv?anonymised=true")).header("Authorization", basic()));
        assertThat(anonymised.body()).contains("participant 1,5,").contains("participant 2,4,")
                .contains("Мероприятие удалось!").doesNotContain("Ксения").doesNotContain("Духанин");
    }

    @Test
    void ratingAgainReplacesTheFirstRatingAndSaysSo() {
        // given
        var id = createEvent("Круглый стол: одно окно", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        var olga = participantWithCard("Ольга", "Иванова", id);
        olga.card.pressButton("📝");
        olga.user.awaitMessage().pressButton("⭐ 2");
        olga.user.awaitMessage().pressButton("Пропустить");
        assertThat(olga.user.awaitMessage().text()).contains("Спасибо за отзыв");
        // when
        olga.card.pressButton("📝");
        olga.user.awaitMessage().pressButton("⭐ 5");
        // then
        assertThat(olga.user.awaitMessage().text()).contains("было ⭐ 2, стало ⭐ 5");
        var ratings = bot.get("/api/v1/events/" + id + "/feedback").json().get("ratings");
        assertThat(ratings.get("count").asInt()).isEqualTo(1);
        assertThat(ratings.get("average").asDouble()).isEqualTo(5.0);
    }

    @Test
    void twoHundredParticipantsLikingAtOnceAndDoubleTapsGiveExactCounts() {
        // given
        var id = createEvent("Форум «Интерра»", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2));
        var cards = new ArrayList<Participant>();
        for (int i = 0; i < 200; i++) {
            cards.add(participantWithCard("Гость", "№" + i, id));
        }
        // when: everyone presses 👍 at once, and the first ten press it twice more
        cards.forEach(p -> p.card.pressButton("👍"));
        cards.subList(0, 10).forEach(p -> {
            p.card.pressButton("👍");
            p.card.pressButton("👍");
        });
        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(bot.get("/api/v1/events/" + id + "/feedback").json().get("likes").asInt()).isEqualTo(200));
        assertThat(bot.jdbc().queryForObject("select count(*) from event_like where event_id = ?", Integer.class, id))
                .isEqualTo(200);
    }

    @Test
    void aReactionOnAnAnnouncementLikesItsEventAndTakingItBackUnlikes() {
        // given
        var id = createEvent("Ассоциация МФЦ: учредительное собрание", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));
        var petr = telegram.user("Пётр", "Сидоров");
        petr.sends("/start");
        petr.awaitMessages(2);
        bot.post("/api/v1/broadcasts", "{\"text\":\"Приглашаем на учредительное собрание\",\"eventId\":" + id + "}");
        var announcement = petr.awaitMessage(Duration.ofSeconds(10));
        // when
        petr.reactsTo(announcement, "🔥");
        // then
        await().untilAsserted(() -> {
            var feedback = bot.get("/api/v1/events/" + id + "/feedback").json();
            assertThat(feedback.get("likes").asInt()).isEqualTo(1);
            assertThat(feedback.get("likesFromReactions").asInt()).isEqualTo(1);
        });
        // when
        petr.reactsTo(announcement);
        // then
        await().untilAsserted(() ->
                assertThat(bot.get("/api/v1/events/" + id + "/feedback").json().get("likes").asInt()).isZero());
    }

    @Test
    void hiddenCommentsDisappearFromTheParticipantsView() {
        // given
        var id = createEvent("Семинар по законодательству", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        var troll = participantWithCard("Тролль", "Анонимный", id);
        troll.card.pressButton("📝");
        troll.user.awaitMessage().pressButton("⭐ 1");
        troll.user.awaitMessage();
        troll.user.sends("Реклама: купите слона");
        troll.user.awaitMessage();
        var commentId = bot.get("/api/v1/events/" + id + "/feedback").json().get("comments").get(0).get("id").asLong();
        // when
        var hidden = bot.post("/api/v1/events/" + id + "/comments/" + commentId + "/hide", "");
        // then
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json().get("comments").get(0).get("hidden").asBoolean()).isTrue();
        var reader = participantWithCard("Читатель", "Внимательный", id);
        reader.card.pressButton("💬");
        assertThat(reader.user.awaitMessage().text()).contains("Пока нет отзывов").doesNotContain("слона");
        assertProblem(bot.post("/api/v1/events/" + id + "/comments/999999/hide", ""), 404, "no comment 999999");
    }

    @Test
    void aForgedRatingIsAnsweredWithAnAlertAndCountsNothing() {
        // given
        var id = createEvent("Проверка кнопок", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        var mallory = participantWithCard("Мэллори", "Подделкина", id);
        // when
        var forged = telegram.userPressesButton(mallory.user, mallory.card.messageId(), "fb:r:" + id + ":9");
        var garbage = telegram.userPressesButton(mallory.user, mallory.card.messageId(), "fb:r:abc");
        // then
        assertThat(telegram.awaitCallbackAnswer(forged.callbackQueryId(), Duration.ofSeconds(5)).text())
                .contains("ничего не изменилось");
        assertThat(telegram.awaitCallbackAnswer(garbage.callbackQueryId(), Duration.ofSeconds(5)).text())
                .contains("ничего не изменилось");
        assertThat(bot.get("/api/v1/events/" + id + "/feedback").json().get("ratings").get("count").asInt()).isZero();
    }

    @Test
    void aCommentOverTwoThousandCharactersIsRefusedKindlyWithItsLength() {
        // given
        var id = createEvent("Длинные отзывы", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        var writer = participantWithCard("Лев", "Толстой", id);
        writer.card.pressButton("📝");
        writer.user.awaitMessage().pressButton("⭐ 3");
        writer.user.awaitMessage();
        // when
        writer.user.sends("Очень ".repeat(400));
        // then
        assertThat(writer.user.awaitMessage().text()).contains("длиннее 2000").contains("2400");
        writer.user.sends("Коротко: хорошо.");
        assertThat(writer.user.awaitMessage().text()).contains("Спасибо за отзыв");
        assertThat(bot.get("/api/v1/events/" + id + "/feedback").json().get("comments").get(0).get("text").asText())
                .isEqualTo("Коротко: хорошо.");
    }

    @Test
    void attendeesAreAskedOnceAfterTheEventEndsWithTheRatingButtonsInTheMessage() {
        // given: an event ending in a few seconds, with one attendee
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var response = bot.post("/api/v1/events", EventEndToEndTests.eventJson("Мастер-класс: итоги",
                now.minusHours(1).toString(), now.plusSeconds(4).toString()));
        var id = response.json().get("id").asLong();
        var nina = participantWithCard("Нина", "Петрова", id);
        nina.card.pressButton("✅").awaitAnswer();
        nina.card.awaitEdit();
        // when: it ends
        var question = nina.user.awaitMessage(Duration.ofSeconds(20));
        // then
        assertThat(question.text()).contains("Как прошло «Мастер-класс: итоги»");
        assertThat(question.buttonLabels()).containsExactly("⭐ 1", "⭐ 2", "⭐ 3", "⭐ 4", "⭐ 5");
        question.pressButton("⭐ 4");
        assertThat(nina.user.awaitMessage().text()).contains("Спасибо за оценку ⭐ 4");
        nina.user.noMoreMessagesWithin(Duration.ofSeconds(1));
        assertThat(bot.jdbc().queryForObject("select count(*) from broadcast where kind = 'FEEDBACK_REQUEST' "
                + "and event_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void organisersSeeTheFiguresAndTheRatingChartInTelegramAndParticipantsCannot() throws Exception {
        // given
        var id = createEvent("Итоги форума для организаторов", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        var guest = participantWithCard("Гость", "Любопытный", id);
        guest.card.pressButton("👍").awaitAnswer();
        guest.card.pressButton("📝");
        guest.user.awaitMessage().pressButton("⭐ 4");
        guest.user.awaitMessage().pressButton("Пропустить");
        guest.user.awaitMessage();
        // when
        organiser.sends("/stats");
        guest.user.sends("/stats");
        // then
        var stats = skipAnnouncementsOfOtherTests(organiser, "📊");
        assertThat(stats.text()).contains("Итоги форума для организаторов").contains("👍 1").contains("⭐ 4.0");
        var chart = awaitChartOf(organiser, "Итоги форума для организаторов");
        assertThat(chart.caption()).contains("в среднем 4.0 из 5, всего 1");
        var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.documentBytes()));
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(360);
        assertThat(guest.user.awaitMessage().text()).contains("только для организаторов");
        guest.user.noMoreMessagesWithin(Duration.ofMillis(500));
    }

    /** The organiser subscribed too, so broadcasts of other tests may come first. */
    private static ReceivedMessage skipAnnouncementsOfOtherTests(FakeUser organiser, String start) {
        for (int i = 0; i < 10; i++) {
            var message = organiser.awaitMessage();
            if (message.textOrCaption() != null && message.textOrCaption().startsWith(start)) {
                return message;
            }
        }
        throw new AssertionError("no message starting with " + start);
    }

    /** The first chart after the figures: that of the event rated last, {@code title}'s. */
    private static ReceivedMessage awaitChartOf(FakeUser organiser, String title) {
        var message = organiser.awaitMessage();
        assertThat(message.snapshot().isPhoto()).as("a photo after the figures: %s", message).isTrue();
        assertThat(message.caption()).contains(title);
        return message;
    }

    record Participant(FakeUser user, ReceivedMessage card) {
    }

    private static Participant participantWithCard(String first, String last, long eventId) {
        var user = telegram.user(first, last);
        user.sends("/start event_" + eventId);
        return new Participant(user, user.awaitMessages(3).get(2));
    }

    private static long createEvent(String title, OffsetDateTime start) {
        return EventEndToEndTests.createEvent(bot, title, start);
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((RunningBot.ADMIN + ":"
                + RunningBot.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
