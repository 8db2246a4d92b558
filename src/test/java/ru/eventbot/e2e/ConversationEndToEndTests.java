package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/** Participants talk to the bot through a fake Telegram; organisers read and answer them through the API. */
class ConversationEndToEndTests {

    private static final Duration QUIET = Duration.ofMillis(700);

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
        telegram.clearFaults();
        telegram.assertNoValidationErrors();
    }

    @Test
    void startGreetsInRussianRecordsConsentAndStoresTheConversation() {
        // given
        var ksenia = telegram.user("Ксения", "Садовская");
        // when
        ksenia.sends("/start");
        // then
        assertThat(ksenia.awaitMessage().text()).contains("Здравствуйте, Ксения");
        assertThat(ksenia.awaitMessage().text()).contains("персональных данных").contains("/stop");
        var participant = participant(ksenia);
        assertThat(participant.get("name").asText()).isEqualTo("Ксения Садовская");
        assertThat(participant.get("language").asText()).isEqualTo("ru");
        assertThat(participant.get("subscribed").asBoolean()).isTrue();
        assertThat(participant.get("blocked").asBoolean()).isFalse();
        var conversation = awaitConversation(ksenia, 3);
        assertThat(conversation.get(0).get("direction").asText()).isEqualTo("IN");
        assertThat(conversation.get(0).get("kind").asText()).isEqualTo("COMMAND");
        assertThat(conversation.get(0).get("text").asText()).isEqualTo("/start");
        assertThat(conversation.get(1).get("direction").asText()).isEqualTo("OUT");
        assertThat(conversation.get(1).get("text").asText()).contains("Здравствуйте, Ксения");
        assertThat(conversation.get(1).get("telegramMessageId").isNumber()).isTrue();
    }

    @Test
    void englishSpeakersAreAnsweredInEnglish() {
        // given
        var anna = telegram.user("Anna", "Smith").withLanguage("en");
        // when
        anna.sends("/start");
        // then
        assertThat(anna.awaitMessage().text()).contains("Hello, Anna");
        assertThat(anna.awaitMessage().text()).contains("personal data");
        assertThat(participant(anna).get("language").asText()).isEqualTo("en");
    }

    @Test
    void helpListsWhatTheBotCanDoAndAnUnknownCommandPointsToHelp() {
        // given
        var vladimir = telegram.user("Владимир", "Кнышев");
        // when
        vladimir.sends("/help");
        vladimir.sends("/dance");
        // then
        assertThat(vladimir.awaitMessage().text()).contains("/start").contains("/stop");
        assertThat(vladimir.awaitMessage().text()).contains("/dance").contains("/help");
    }

    @Test
    void freeTextIsAcknowledgedAndKeptForTheOrganisers() {
        // given
        var alexander = telegram.user("Александр", "Духанин");
        alexander.sends("/start");
        alexander.awaitMessages(2);
        // when
        alexander.sends("Приятно было пообщаться с коллегами. Спасибо организаторам!");
        // then
        assertThat(alexander.awaitMessage().text()).contains("организаторы его прочитают");
        var conversation = awaitConversation(alexander, 5);
        assertThat(conversation.get(3).get("kind").asText()).isEqualTo("TEXT");
        assertThat(conversation.get(3).get("text").asText())
                .isEqualTo("Приятно было пообщаться с коллегами. Спасибо организаторам!");
    }

    @Test
    void anOrganisersReplyReachesTheParticipantAndIsStored() {
        // given
        var alexander = telegram.user("Александр", "Духанин");
        alexander.sends("/start");
        alexander.awaitMessages(2);
        // when
        var accepted = bot.post("/api/v1/conversations/" + alexander.id() + "/replies",
                "{\"text\":\"Презентацию Таисии пришлём сегодня\"}");
        // then
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(alexander.awaitMessage().text()).isEqualTo("Презентацию Таисии пришлём сегодня");
        var conversation = awaitConversation(alexander, 4);
        assertThat(conversation.get(3).get("kind").asText()).isEqualTo("ORGANISER_REPLY");
    }

    @Test
    void afterStopTheBotSendsNothingMoreOnItsOwn() {
        // given
        var participant = telegram.user("Пётр", "Иванов");
        participant.sends("/start");
        participant.awaitMessages(2);
        // when
        participant.sends("/stop");
        // then
        assertThat(participant.awaitMessage().text()).contains("отписались");
        await().until(() -> !participant(participant).get("subscribed").asBoolean());
        var refused = bot.post("/api/v1/conversations/" + participant.id() + "/replies", "{\"text\":\"Вы тут?\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        participant.noMoreMessagesWithin(QUIET);
    }

    @Test
    void afterStopAQuestionTheParticipantAsksCanStillBeAnswered() {
        // given
        var participant = telegram.user("Нина", "Любопытная");
        participant.sends("/start");
        participant.awaitMessages(2);
        participant.sends("/stop");
        participant.awaitMessage();
        // when
        participant.sends("А презентацию всё-таки можно получить?");
        participant.awaitMessage();
        var reply = bot.post("/api/v1/conversations/" + participant.id() + "/replies", "{\"text\":\"Да, вот ссылка\"}");
        // then
        assertThat(reply.status()).isEqualTo(202);
        assertThat(participant.awaitMessage().text()).isEqualTo("Да, вот ссылка");
    }

    @Test
    void aParticipantWhoBlocksTheBotIsMarkedBlockedAndStartUnblocksThem() {
        // given
        var participant = telegram.user("Мария", "Блокирующая");
        participant.sends("/start");
        participant.awaitMessages(2);
        // when
        participant.blocksTheBot();
        // then
        await().until(() -> participant(participant).get("blocked").asBoolean());
        assertThat(bot.post("/api/v1/conversations/" + participant.id() + "/replies", "{\"text\":\"?\"}").status())
                .isEqualTo(409);
        // and when they come back
        participant.unblocksTheBot();
        participant.sends("/start");
        assertThat(participant.awaitMessages(2).get(0).text()).contains("Здравствуйте");
        await().until(() -> !participant(participant).get("blocked").asBoolean());
    }

    @Test
    void a403FromTelegramMarksTheParticipantBlockedAndNothingMoreIsSentToThem() {
        // given
        var participant = telegram.user("Олег", "Молчаливый");
        participant.sends("/start");
        participant.awaitMessages(2);
        participant.blocksTheBotSilently();
        // when
        var reply = bot.post("/api/v1/conversations/" + participant.id() + "/replies", "{\"text\":\"Первое\"}");
        // then
        assertThat(reply.status()).isEqualTo(202);
        await().until(() -> participant(participant).get("blocked").asBoolean());
        var conversation = awaitConversation(participant, 4);
        await().until(() -> "BLOCKED".equals(awaitConversation(participant, 4).get(3).path("deliveryStatus").asText()));
        var second = bot.post("/api/v1/conversations/" + participant.id() + "/replies", "{\"text\":\"Второе\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(conversation).hasSize(4);
    }

    @Test
    void a429MakesTheBotWaitRetryAfterAndThenDeliverOnce() {
        // given
        var participant = telegram.user("Ирина", "Терпеливая");
        participant.sends("/start");
        participant.awaitMessages(2);
        telegram.failNext("sendMessage", 1, ru.eventbot.testsupport.telegram.Fault.tooManyRequests(2));
        var before = sendsTo(participant);
        // when
        var sentAt = System.nanoTime();
        participant.sends("Есть вопрос");
        var ack = participant.awaitMessage(Duration.ofSeconds(10));
        // then
        var waited = Duration.ofNanos(System.nanoTime() - sentAt);
        assertThat(ack.text()).contains("организаторы");
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        var calls = telegram.calls("sendMessage").stream().filter(call -> call.chatId() == participant.chatId())
                .skip(before).toList();
        assertThat(calls).extracting(call -> call.responseStatus()).containsExactly(429, 200);
        participant.noMoreMessagesWithin(QUIET);
    }

    @Test
    void aPressOnAButtonNoFeatureKnowsIsStillAnswered() {
        // given
        var participant = telegram.user("Егор", "Нажимающий");
        participant.sends("/start");
        var greeting = participant.awaitMessages(2).get(0);
        // when
        var press = telegram.userPressesButton(participant, greeting.messageId(), "forged:organiser:delete-everything");
        // then
        var answer = telegram.awaitCallbackAnswer(press.callbackQueryId(), Duration.ofSeconds(5));
        assertThat(answer.toString()).contains("больше не действует");
    }

    @Test
    void reactionsAndEditsAreStoredWithoutAReply() {
        // given
        var participant = telegram.user("Светлана", "Реагирующая");
        participant.sends("/start");
        var greeting = participant.awaitMessages(2).get(0);
        // when
        participant.reactsTo(greeting, "👍");
        // then
        await().until(() -> kinds(participant).contains("REACTION"));
        participant.noMoreMessagesWithin(QUIET);
    }

    @Test
    void theCommandMenuIsRegisteredInRussianAndEnglishAndPollingAsksForWhatTheBotUses() {
        // then
        await().until(() -> !telegram.commands("en").isEmpty() && !telegram.commands(null).isEmpty());
        assertThat(telegram.commands(null).toString()).contains("start").contains("Подписаться");
        assertThat(telegram.commands("en").toString()).contains("start").contains("Subscribe");
        assertThat(telegram.allowedUpdates()).containsExactlyInAnyOrder("message", "edited_message",
                "callback_query", "message_reaction", "message_reaction_count", "my_chat_member");
    }

    @Test
    void theApiWantsAnOrganisersCredentialsAndAnswersProblemJson() {
        // when
        var anonymous = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/api/v1/participants")).GET());
        var unknown = bot.get("/api/v1/conversations/424242");
        var health = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/actuator/health")).GET());
        var openApi = bot.send(java.net.http.HttpRequest.newBuilder(bot.url("/v3/api-docs")).GET());
        // then
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("title").asText()).isEqualTo("Participant not found");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/conversations/{telegramUserId}/replies");
    }

    private static JsonNode participant(FakeUser user) {
        return await().until(() -> find(user), node -> node != null);
    }

    private static JsonNode find(FakeUser user) {
        var all = bot.get("/api/v1/participants");
        assertThat(all.status()).isEqualTo(200);
        return StreamSupport.stream(all.json().spliterator(), false)
                .filter(node -> node.get("telegramUserId").asLong() == user.id())
                .findFirst().orElse(null);
    }

    /** The conversation once it has at least {@code size} messages and every outgoing one is settled. */
    private static List<JsonNode> awaitConversation(FakeUser user, int size) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            var response = bot.get("/api/v1/conversations/" + user.id());
            var messages = new ArrayList<JsonNode>();
            response.json().forEach(messages::add);
            return messages;
        }, messages -> messages.size() >= size && messages.stream()
                .noneMatch(m -> "SENDING".equals(m.path("deliveryStatus").asText())));
    }

    private static long sendsTo(FakeUser user) {
        return telegram.calls("sendMessage").stream().filter(call -> call.chatId() == user.chatId()).count();
    }

    private static List<String> kinds(FakeUser user) {
        var kinds = new ArrayList<String>();
        bot.get("/api/v1/conversations/" + user.id()).json().forEach(m -> kinds.add(m.get("kind").asText()));
        return kinds;
    }
}
