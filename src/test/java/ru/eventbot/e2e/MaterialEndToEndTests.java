package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.eventbot.e2e.ApiAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
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
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/**
 * Organisers publish materials over the API; participants get them from /materials, the 📎 button, or by asking in
 * their own words, now or as soon as the material appears.
 */
class MaterialEndToEndTests {

    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final Duration SOON = Duration.ofSeconds(15);

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
    void aMaterialPublishedOverTheApiIsListedWithItsSafeNameAndSize() {
        // given
        var event = createEvent("Форум «Открытый регион»");
        // when
        var published = bot.postMultipart("/api/v1/events/" + event + "/materials",
                Map.of("title", "Открытые данные региона", "speaker", "Ирина Ким", "description", "Слайды доклада"),
                "../../etc/passwd", pdf("открытые данные"));
        // then
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        var material = published.json();
        assertThat(material.get("eventId").asLong()).isEqualTo(event);
        assertThat(material.get("title").asText()).isEqualTo("Открытые данные региона");
        assertThat(material.get("speaker").asText()).isEqualTo("Ирина Ким");
        assertThat(material.get("fileName").asText()).isEqualTo("passwd");
        assertThat(material.get("size").asLong()).isEqualTo(pdf("открытые данные").length);
        assertThat(bot.get("/api/v1/events/" + event + "/materials").json().findValuesAsText("title"))
                .containsExactly("Открытые данные региона");
    }

    @Test
    void badMaterialsAreRefusedWithAClearProblem() {
        var event = createEvent("Круглый стол");
        var path = "/api/v1/events/" + event + "/materials";
        assertProblem(bot.postMultipart(path, Map.of("title", "Пусто", "speaker", "Пётр Сидоров"), "empty.pdf",
                new byte[0]), 400, "empty");
        assertProblem(bot.postMultipart(path, Map.of("speaker", "Пётр Сидоров"), "a.pdf", pdf("x")), 400,
                "title must not be empty");
        assertProblem(bot.postMultipart(path, Map.of("title", "Без файла", "speaker", "Пётр Сидоров"), null, null),
                400, "file is missing");
        assertProblem(bot.postMultipart(path, Map.of("title", "Программа", "speaker", "Пётр Сидоров"), "slides.pdf",
                windowsProgram()), 415, "program");
        assertProblem(bot.postMultipart("/api/v1/events/999999/materials", Map.of("title", "Т", "speaker", "С"),
                "a.pdf", pdf("x")), 404, "no event 999999");
        assertProblem(bot.postMultipart(path, Map.of("title", "Огромный", "speaker", "Пётр Сидоров"), "big.pdf",
                new byte[50 * 1024 * 1024 + 1]), 413, "at most 52428800 bytes");
        assertThat(bot.get(path).json()).isEmpty();
    }

    @Test
    void aParticipantAsksForTaisiasPresentationAndGetsTheFileWhichIsUploadedOnlyOnce() {
        // given
        var event = createEvent("Мастер-класс «Как работают люди в МФЦ»");
        var slides = pdf("Слайды Таисии");
        publish(event, "Как работают люди в МФЦ", "Таисия Петрова", "Люди МФЦ.pdf", slides);
        var alexander = startedParticipant("Александр", "Духанин", "ru");
        var anna = startedParticipant("Anna", "Smith", "en");
        var uploadsBefore = telegram.uploadCount();
        // when
        alexander.sends("Пришлите, пожалуйста, презентацию Таисии");
        var document = alexander.awaitMessage(SOON);
        anna.sends("Could you send me Taisia's slides?");
        var again = anna.awaitMessage(SOON);
        // then
        assertThat(document.caption()).contains("Как работают люди в МФЦ").contains("Таисия Петрова")
                .contains("Мастер-класс «Как работают люди в МФЦ»");
        assertThat(document.document()).hasValueSatisfying(file -> assertThat(file.fileName()).isEqualTo("Люди МФЦ.pdf"));
        assertThat(document.documentBytes()).isEqualTo(slides);
        assertThat(document.buttonLabels()).as("no ✉️ without a mail server").isEmpty();
        assertThat(again.documentBytes()).isEqualTo(slides);
        assertThat(telegram.uploadCount() - uploadsBefore).isEqualTo(1);
        assertThat(telegram.fileReuseCount()).isPositive();
    }

    @Test
    void materialsAndTheClipButtonSendEachMaterialWithOneTap() {
        // given
        var event = createEvent("Секция «Цифровые сервисы»");
        publish(event, "Госуслуги в кармане", "Ольга Иванова", "gosuslugi.pdf", pdf("госуслуги"));
        publish(event, "Очередь без очереди", "Пётр Сидоров", "queue.pdf", pdf("очередь"));
        var ksenia = startedParticipant("Ксения", "Садовская", "ru");
        // when
        ksenia.sends("/materials");
        var events = ksenia.awaitMessage(SOON);
        events.pressButton(events.buttonLabels().stream().filter(l -> l.contains("Цифровые сервисы")).findFirst()
                .orElseThrow());
        var list = ksenia.awaitMessage(SOON);
        list.pressButton(list.buttonLabels().stream().filter(l -> l.contains("Очередь без очереди")).findFirst()
                .orElseThrow());
        var document = ksenia.awaitMessage(SOON);
        // then
        assertThat(events.buttonLabels()).allMatch(label -> label.startsWith("📎"));
        assertThat(list.text()).contains("Секция «Цифровые сервисы»");
        assertThat(list.buttonLabels()).hasSize(2);
        assertThat(document.caption()).contains("Очередь без очереди").contains("Пётр Сидоров");
        assertThat(document.documentBytes()).isEqualTo(pdf("очередь"));
        // when the 📎 under the event's card is pressed
        ksenia.sends("/start event_" + event);
        var card = ksenia.awaitMessages(3).get(2);
        card.pressButton("📎");
        // then
        assertThat(ksenia.awaitMessage(SOON).buttonLabels()).hasSize(2);
    }

    @Test
    void aForgedOrStaleMaterialButtonGetsAnAlertAndNothingElse() {
        // given
        var olga = startedParticipant("Ольга", "Иванова", "ru");
        olga.sends("/help");
        var help = olga.awaitMessage(SOON);
        // when
        var forged = telegram.userPressesButton(olga, help.messageId(), "mat:987654321");
        var noEvent = telegram.userPressesButton(olga, help.messageId(), "ev:mat:987654321");
        // then
        assertThat(telegram.awaitCallbackAnswer(forged.callbackQueryId(), SOON).text()).contains("материала больше нет");
        assertThat(telegram.awaitCallbackAnswer(noEvent.callbackQueryId(), SOON).text()).contains("мероприятия больше нет");
        olga.noMoreMessagesWithin(Duration.ofMillis(500));
    }

    @Test
    void severalCloseHitsAreOfferedAsButtons() {
        // given
        var event = createEvent("Школа спикеров");
        publish(event, "Как говорить со сцены", "Мария Орлова", "stage.pdf", pdf("сцена"));
        publish(event, "Как готовить слайды", "Мария Орлова", "slides.pdf", pdf("слайды"));
        var vladimir = startedParticipant("Владимир", "Кнышев", "ru");
        // when
        vladimir.sends("презентация Марии Орловой");
        var choices = vladimir.awaitMessage(SOON);
        choices.pressButton(choices.buttonLabels().stream().filter(l -> l.contains("Как готовить слайды")).findFirst()
                .orElseThrow());
        // then
        assertThat(choices.text()).contains("несколько материалов");
        assertThat(choices.buttonLabels()).hasSize(2);
        assertThat(vladimir.awaitMessage(SOON).documentBytes()).isEqualTo(pdf("слайды"));
    }

    @Test
    void aRequestForAnUnpublishedPresentationIsFulfilledWhenItIsPublished() {
        // given
        var event = createEvent("Форум инноваций");
        var alexander = startedParticipant("Александр", "Духанин", "ru");
        alexander.sends("Особенно интересует презентация Светланы Зайцевой");
        assertThat(alexander.awaitMessage(SOON).text()).contains("пришлю файл, как только его опубликуют");
        assertThat(requestsOf(alexander)).singleElement()
                .satisfies(request -> assertThat(request.get("status").asText()).isEqualTo("WAITING"));
        assertThat(bot.get("/api/v1/material-requests/waiting").json().findValuesAsText("words"))
                .contains("светланы зайцевой");
        // when
        var material = publish(event, "Как работают люди в МФЦ", "Светлана Зайцева", "mfc.pdf", pdf("мфц"));
        // then
        var document = alexander.awaitMessage(SOON);
        assertThat(document.caption()).contains("Вы просили").contains("Как работают люди в МФЦ");
        assertThat(document.documentBytes()).isEqualTo(pdf("мфц"));
        await().untilAsserted(() -> assertThat(requestsOf(alexander)).singleElement().satisfies(request -> {
            assertThat(request.get("status").asText()).isEqualTo("FULFILLED");
            assertThat(request.get("materialId").asLong()).isEqualTo(material);
        }));
    }

    @Test
    void otherFreeTextIsStillAcknowledgedAndKeptForTheOrganisers() {
        // given
        var pyotr = startedParticipant("Пётр", "Сидоров", "ru");
        // when
        pyotr.sends("Спасибо за мероприятие, было интересно!");
        // then
        assertThat(pyotr.awaitMessage(SOON).text()).contains("Сообщение сохранено");
        assertThat(bot.get("/api/v1/conversations/" + pyotr.id()).json().findValuesAsText("text"))
                .contains("Спасибо за мероприятие, было интересно!");
    }

    @Test
    void aRequestIsFulfilledOnceEvenWhenTheBotRestartsRightAfterPublishing() {
        // given
        var event = createEvent("Конференция «Цифровой регион»");
        var irina = startedParticipant("Ирина", "Ким", "ru");
        irina.sends("слайды Евгения Смирнова");
        irina.awaitMessage(SOON);
        // when
        publish(event, "Цифровой регион: итоги", "Евгений Смирнов", "itogi.pdf", pdf("итоги"));
        bot.restart();
        // then
        assertThat(irina.awaitMessage(Duration.ofSeconds(30)).documentBytes()).isEqualTo(pdf("итоги"));
        irina.noMoreMessagesWithin(Duration.ofSeconds(2));
        assertThat(requestsOf(irina)).singleElement()
                .satisfies(request -> assertThat(request.get("status").asText()).isEqualTo("FULFILLED"));
    }

    @Test
    void aForgottenParticipantsWaitingRequestGoesWithThem() {
        // given
        var nina = startedParticipant("Нина", "Забывчивая", "ru");
        nina.sends("Пришлите слайды Аркадия Неопубликованного");
        nina.awaitMessage(SOON);
        assertThat(requestsOf(nina)).hasSize(1);
        // when
        nina.sends("/forget");
        nina.awaitMessage(SOON).pressButton("🗑");
        nina.awaitMessage(SOON);
        // then
        await().untilAsserted(() -> assertThat(requestsOf(nina)).isEmpty());
    }

    private static java.util.List<com.fasterxml.jackson.databind.JsonNode> requestsOf(FakeUser user) {
        var all = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        bot.get("/api/v1/material-requests").json().forEach(request -> {
            if (request.get("telegramUserId").asLong() == user.id()) {
                all.add(request);
            }
        });
        return all;
    }

    private static FakeUser startedParticipant(String firstName, String lastName, String language) {
        var user = telegram.user(firstName, lastName).withLanguage(language);
        user.sends("/start");
        user.awaitMessages(2);
        return user;
    }

    private static long createEvent(String title) {
        var start = OffsetDateTime.now(MOSCOW).plusDays(10).withNano(0);
        var response = bot.post("/api/v1/events", EventEndToEndTests.eventJson(title, start.toString(),
                start.plusHours(2).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static long publish(long event, String title, String speaker, String fileName, byte[] content) {
        var response = bot.postMultipart("/api/v1/events/" + event + "/materials",
                Map.of("title", title, "speaker", speaker), fileName, content);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows program: "MZ", and the PE header where the DOS header says it is. */
    static byte[] windowsProgram() {
        var bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }
}
