package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.eventbot.e2e.MaterialEndToEndTests.pdf;
import static ru.eventbot.e2e.MaterialEndToEndTests.windowsProgram;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * An organiser publishes a material from Telegram: sends the document with a caption, picks the event and the talk
 * with buttons, confirms; whoever was waiting for it gets it, by the file_id Telegram already has.
 */
class MaterialUploadEndToEndTests {

    private static final long ORGANISER_ID = 710_001;
    private static final Duration SOON = Duration.ofSeconds(15);

    static FakeTelegram telegram;
    static RunningBot bot;
    static FakeUser organiser;

    @BeforeAll
    static void startTelegramAndTheBot() {
        telegram = FakeTelegram.start();
        organiser = telegram.user(ORGANISER_ID, "Мария", "Организатор");
        bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of("eventbot.organiser-ids",
                String.valueOf(ORGANISER_ID)));
        organiser.sends("/start");
        organiser.awaitMessages(2);
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
    void anOrganiserPublishesTaisiasPresentationFromTelegramAndTheParticipantWaitingForItGetsIt() {
        // given: the master class with Taisia's talk, and a participant who asked for her presentation
        var event = createEvent("Мастер-класс «Как работают люди в МФЦ»", "Люди в МФЦ", "Таисия Петрова");
        var alexander = telegram.user("Александр", "Духанин").withLanguage("ru");
        alexander.sends("/start");
        alexander.awaitMessages(2);
        alexander.sends("Пришлите, пожалуйста, презентацию Таисии");
        assertThat(alexander.awaitMessage(SOON).text()).contains("пришлю файл, как только его опубликуют");
        var slides = pdf("Слайды Таисии о людях МФЦ");
        var uploadsBefore = telegram.uploadCount();
        // when the organiser sends the file with a caption and answers the bot's questions
        organiser.sendsDocument("Люди МФЦ.pdf", "application/pdf", slides,
                "Как работают люди в МФЦ\n\nСлайды мастер-класса");
        var askEvent = organiser.awaitMessage(SOON);
        askEvent.pressButton("Мастер-класс «Как работают люди в МФЦ»");
        var askTalk = organiser.awaitMessage(SOON);
        askTalk.pressButton("Люди в МФЦ — Таисия Петрова");
        var preview = organiser.awaitMessage(SOON);
        preview.pressButton("✅ Опубликовать");
        var fetching = organiser.awaitMessage(SOON);
        var published = organiser.awaitMessage(SOON);
        // then
        assertThat(askEvent.text()).contains("Публикую материал «Как работают люди в МФЦ»")
                .contains("К какому мероприятию");
        assertThat(askTalk.buttonLabels()).contains("Люди в МФЦ — Таисия Петрова", "Ко всему мероприятию");
        assertThat(preview.text()).contains("Как работают люди в МФЦ").contains("Таисия Петрова")
                .contains("Люди МФЦ.pdf").contains("Слайды мастер-класса");
        assertThat(fetching.text()).contains("Забираю файл");
        assertThat(published.text()).contains("Опубликовано: «Как работают люди в МФЦ»");
        var document = alexander.awaitMessage(SOON);
        assertThat(document.caption()).contains("Вы просили").contains("Таисия Петрова");
        assertThat(document.documentBytes()).isEqualTo(slides);
        assertThat(telegram.uploadCount()).as("sent by the file_id of the organiser's document, never uploaded")
                .isEqualTo(uploadsBefore);
        var material = bot.get("/api/v1/events/" + event + "/materials").json().get(0);
        assertThat(material.get("title").asText()).isEqualTo("Как работают люди в МФЦ");
        assertThat(material.get("speaker").asText()).isEqualTo("Таисия Петрова");
        assertThat(material.get("fileName").asText()).isEqualTo("Люди МФЦ.pdf");
        assertThat(material.get("size").asLong()).isEqualTo(slides.length);
    }

    @Test
    void aProgramSentAsAPdfIsRefusedWithTheReasonAndNothingIsPublished() {
        // given
        var event = createEvent("Круглый стол «Цифровой регион»", null, null);
        // when
        organiser.sendsDocument("agenda.pdf", "application/pdf", windowsProgram(), "Программа круглого стола\nПётр Сидоров");
        organiser.awaitMessage(SOON).pressButton("Круглый стол «Цифровой регион»");
        var preview = organiser.awaitMessage(SOON);
        preview.pressButton("✅ Опубликовать");
        organiser.awaitMessage(SOON);
        var refused = organiser.awaitMessage(SOON);
        // then: no talk question for an event without talks, and a clear refusal
        assertThat(preview.text()).contains("Пётр Сидоров").contains("Ко всему мероприятию");
        assertThat(refused.text()).contains("«agenda.pdf» не опубликован").contains("программа");
        assertThat(bot.get("/api/v1/events/" + event + "/materials").json()).isEmpty();
    }

    @Test
    void cancellingPublishesNothingAndTheOldButtonsThenOnlyGetAnAlert() {
        // given
        var event = createEvent("Школа спикеров", null, null);
        organiser.sendsDocument("stage.pdf", "application/pdf", pdf("сцена"), null);
        var askEvent = organiser.awaitMessage(SOON);
        askEvent.pressButton("Школа спикеров");
        var preview = organiser.awaitMessage(SOON);
        // when
        preview.pressButton("Отмена");
        var cancelled = organiser.awaitMessage(SOON);
        var stale = preview.pressButton("✅ Опубликовать");
        // then
        assertThat(preview.text()).as("the file name stands in for a missing caption").contains("📎 stage")
                .contains("Организаторы");
        assertThat(cancelled.text()).contains("Публикация отменена");
        assertThat(stale.awaitAnswer(SOON).text()).contains("кнопка устарела");
        organiser.noMoreMessagesWithin(Duration.ofMillis(500));
        assertThat(bot.get("/api/v1/events/" + event + "/materials").json()).isEmpty();
    }

    @Test
    void aParticipantCannotPublishNorPressTheOrganisersButtons() {
        // given
        var mallory = telegram.user("Мэллори", "Взломова").withLanguage("ru");
        mallory.sends("/start");
        var greeting = mallory.awaitMessages(2).get(0);
        // when
        mallory.sendsDocument("virus.pdf", "application/pdf", pdf("не материал"), "Мой материал");
        var reply = mallory.awaitMessage(SOON);
        var forged = telegram.userPressesButton(mallory, greeting.messageId(), "mu:ok");
        // then
        assertThat(reply.text()).doesNotContain("Публикую материал");
        assertThat(telegram.awaitCallbackAnswer(forged.callbackQueryId(), SOON).text())
                .contains("только для организаторов");
        mallory.noMoreMessagesWithin(Duration.ofMillis(500));
    }

    @Test
    void aDocumentWithoutAFileNameIsCalledDocument() throws Exception {
        // given: Telegram's file_name is optional
        createEvent("Пленарная сессия", null, null);
        var update = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("""
                {"message": {"message_id": 9001, "date": %d, "chat": {"id": %d, "type": "private", "first_name": "Мария"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Мария"},
                 "document": {"file_id": "BQACAgIAAxkBAAIBnameless", "file_unique_id": "AgADnameless"}}}"""
                .formatted(java.time.Instant.now().getEpochSecond(), ORGANISER_ID, ORGANISER_ID));
        // when
        telegram.enqueueRaw(update);
        var askEvent = organiser.awaitMessage(SOON);
        askEvent.pressButton("Отмена");
        // then
        assertThat(askEvent.text()).contains("Публикую материал «document»");
        assertThat(organiser.awaitMessage(SOON).text()).contains("Публикация отменена");
    }

    @Test
    void helpTellsOrganisersHowToPublishAFile() {
        // when
        organiser.sends("/help");
        var help = organiser.awaitMessages(2);
        // then
        assertThat(help.get(1).text()).contains("/announce").contains("Пришлите файл");
    }

    private static long createEvent(String title, String talk, String speaker) {
        var start = OffsetDateTime.now(ZoneOffset.ofHours(3)).minusDays(1).withNano(0);
        var talks = talk == null ? "[]" : "[{\"title\": \"" + talk + "\", \"speaker\": \"" + speaker + "\"}]";
        var response = bot.post("/api/v1/events", """
                {"title": "%s", "description": "Форум инноваций", "venue": "Технопарк",
                 "startsAt": "%s", "endsAt": "%s", "talks": %s}""".formatted(title.replace("\"", "\\\""), start,
                start.plusHours(2), talks));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        await().until(() -> bot.get("/api/v1/events/" + response.json().get("id").asLong()).status() == 200);
        return response.json().get("id").asLong();
    }
}
