package ru.eventbot.testsupport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fake itself produces (updates, messages, method results) must be valid Bot API objects too. */
class FakeTelegramSpecConformanceTests {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SpecValidator validator = new SpecValidator(TelegramApiSpec.shared(), mapper);
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTelegram telegram;

    @BeforeEach
    void startFakeTelegram() {
        telegram = FakeTelegram.start();
    }

    @AfterEach
    void stopFakeTelegram() {
        telegram.close();
    }

    @Test
    void createsUpdatesThatConformToTheSpec() throws Exception {
        // given
        FakeUser user = telegram.user("Александр", "Духанин").withUsername("dukhanin");
        List<EnqueuedUpdate> updates = new ArrayList<>();

        // when
        EnqueuedUpdate command = user.sends("/start now");
        updates.add(command);
        updates.add(user.edits(command, "/start later"));
        updates.add(user.sendsDocument("agenda.pdf", "%PDF".getBytes()));
        JsonNode sent = result(call("sendMessage", "{\"chat_id\": %d, \"text\": \"Rate\", \"reply_markup\":"
                + " {\"inline_keyboard\": [[{\"text\": \"👍\", \"callback_data\": \"up\"}]]}}", user.chatId()));
        updates.add(telegram.userPressesButton(user, sent.get("message_id").asInt(), "up"));
        updates.add(telegram.userReacts(user, sent.get("message_id").asInt(), "👍"));
        updates.add(user.blocksTheBot());
        updates.add(user.unblocksTheBot());
        ObjectNode raw = mapper.createObjectNode();
        raw.putObject("message").put("message_id", 77).put("date", 1).putObject("chat").put("id", -100L).put("type", "group")
                .put("title", "Event chat");
        updates.add(telegram.enqueueRaw(raw));

        // then
        assertThat(updates).allSatisfy(update ->
                assertThat(validator.validateValue("Update", update.json())).as(update.json().toString()).isEmpty());
        assertThat(validator.validateValue("Message", telegram.messagesTo(user.chatId()).get(0).json())).isEmpty();
    }

    @Test
    void answersMethodsWithResultsThatConformToTheSpec() throws Exception {
        // given
        FakeUser user = telegram.user("Anna", "Smith");
        user.sends("/start");
        JsonNode document = result(call("sendDocument", "{\"chat_id\": %d, \"document\": \"%s\"}", user.chatId(),
                user.sendsDocument("notes.txt", "notes".getBytes()).json().path("message").path("document")
                        .path("file_id").asText()));

        // when / then
        assertConforms("User", call("getMe", "{}"));
        assertConforms("ChatFullInfo", call("getChat", "{\"chat_id\": %d}", user.chatId()));
        assertConforms("ChatMember", call("getChatMember", "{\"chat_id\": %d, \"user_id\": %d}", user.chatId(), user.id()));
        assertConforms("File", call("getFile", "{\"file_id\": \"%s\"}", document.path("document").path("file_id").asText()));
        assertConforms("WebhookInfo", call("getWebhookInfo", "{}"));
        assertConforms("Message", call("editMessageCaption", "{\"chat_id\": %d, \"message_id\": %d, \"caption\": \"Notes\"}",
                user.chatId(), document.get("message_id").asInt()));
        telegram.assertNoValidationErrors();
    }

    private void assertConforms(String type, HttpResponse<String> response) throws Exception {
        assertThat(validator.validateValue(type, result(response))).as(response.body()).isEmpty();
    }

    private JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return mapper.readTree(response.body()).get("result");
    }

    private HttpResponse<String> call(String method, String json, Object... args) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.formatted(args))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
