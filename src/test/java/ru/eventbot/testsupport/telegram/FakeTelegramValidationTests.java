package ru.eventbot.testsupport.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid calls, made with raw HTTP since the library would not produce most of them. */
class FakeTelegramValidationTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTelegram telegram;
    private FakeUser user;

    @BeforeEach
    void startFakeTelegram() {
        telegram = FakeTelegram.start();
        user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
    }

    @AfterEach
    void stopFakeTelegram() {
        telegram.close();
    }

    @Test
    void acceptsAValidJsonCall() throws Exception {
        // when
        HttpResponse<String> response = postJson("sendMessage", """
                {"chat_id": %d, "text": "Hi", "reply_markup": {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]},
                 "link_preview_options": {"is_disabled": true}, "disable_notification": null}""".formatted(user.chatId()));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"ok\":true,\"result\":{\"message_id\":");
        telegram.assertNoValidationErrors();
    }

    @Test
    void rejectsAnUnknownMethod() throws Exception {
        // when
        HttpResponse<String> response = postJson("sendMesage", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        assertThat(telegram.validationErrors()).singleElement().satisfies(error ->
                assertThat(error.problem()).contains("unknown method 'sendMesage'"));
    }

    @Test
    void rejectsAWrongToken() throws Exception {
        // when
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot123456789:WRONG/getMe")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"description\":\"Unauthorized\"");
        assertThat(telegram.validationErrors()).singleElement().satisfies(error ->
                assertThat(error.problem()).contains("wrong bot token"));
    }

    @Test
    void rejectsACallWithoutARequiredField() throws Exception {
        // when
        HttpResponse<String> response = postJson("sendMessage", "{\"chat_id\": %d}".formatted(user.chatId()));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Bad Request: parameter 'text' is required");
        assertThat(telegram.validationErrors()).hasSize(1);
    }

    @Test
    void rejectsAValueOfTheWrongType() throws Exception {
        // when
        postJson("sendMessage", "{\"chat_id\": true, \"text\": \"hi\"}");
        postJson("deleteMessage", "{\"chat_id\": %d, \"message_id\": \"1\"}".formatted(user.chatId()));
        postJson("sendMessage", "{\"chat_id\": %d, \"text\": \"hi\", \"reply_markup\": {\"inline_keyboard\": [{\"text\": \"x\"}]}}"
                .formatted(user.chatId()));

        // then
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem).containsExactly(
                "'chat_id' must be Integer or String, got boolean true",
                "'message_id' must be Integer, got string \"1\"",
                "'reply_markup.inline_keyboard[0]' must be Array of InlineKeyboardButton, got object {\"text\":\"x\"}");
        assertThat(telegram.messagesTo(user.chatId())).isEmpty();
    }

    @Test
    void rejectsAnUnknownField() throws Exception {
        // when
        postJson("sendMessage", "{\"chat_id\": %d, \"text\": \"hi\", \"reply_to\": 5}".formatted(user.chatId()));
        postJson("sendMessage", """
                {"chat_id": %d, "text": "hi", "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": "x", "colour": "red"}]]}}"""
                .formatted(user.chatId()));

        // then
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem).containsExactly(
                "unknown parameter 'reply_to' for method sendMessage",
                "unknown field 'reply_markup.inline_keyboard[0][0].colour' in InlineKeyboardButton");
    }

    @Test
    void rejectsTooLongTextAndCallbackData() throws Exception {
        // when
        HttpResponse<String> longText = postJson("sendMessage", "{\"chat_id\": %d, \"text\": \"%s\"}"
                .formatted(user.chatId(), "я".repeat(4097)));
        HttpResponse<String> longData = postJson("sendMessage", """
                {"chat_id": %d, "text": "hi", "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": "%s"}]]}}"""
                .formatted(user.chatId(), "я".repeat(33)));
        HttpResponse<String> maxText = postJson("sendMessage", "{\"chat_id\": %d, \"text\": \"%s\"}"
                .formatted(user.chatId(), "я".repeat(4096)));

        // then
        assertThat(longText.body()).contains("Bad Request: message is too long");
        assertThat(longData.body()).contains("BUTTON_DATA_INVALID");
        assertThat(maxText.statusCode()).isEqualTo(200);
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem).containsExactly(
                "message is too long: text has 4097 characters after entity parsing, max 4096",
                "BUTTON_DATA_INVALID: 'reply_markup.inline_keyboard[0][0].callback_data' must be 1-64 bytes"
                        + " in UTF-8, got 66");
    }

    @Test
    void rejectsMarkupTelegramCannotParse() throws Exception {
        // when
        HttpResponse<String> html = postJson("sendMessage", "{\"chat_id\": %d, \"text\": \"<b>bold\", \"parse_mode\": \"HTML\"}"
                .formatted(user.chatId()));
        HttpResponse<String> markdown = postJson("sendMessage",
                "{\"chat_id\": %d, \"text\": \"Starts at 10.00!\", \"parse_mode\": \"MarkdownV2\"}".formatted(user.chatId()));

        // then
        assertThat(html.body()).contains("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \\\"b\\\"");
        assertThat(markdown.body()).contains("Character '.' is reserved and must be escaped with the preceding '\\\\'");
        assertThat(telegram.validationErrors()).hasSize(2);
    }

    @Test
    void validatesAbstractTypesAgainstTheSubtypeNamedByTheirDiscriminator() throws Exception {
        // when
        HttpResponse<String> valid = postJson("setMyCommands", """
                {"commands": [{"command": "start", "description": "Start"}], "scope": {"type": "chat", "chat_id": %d}}"""
                .formatted(user.chatId()));
        postJson("setMyCommands", """
                {"commands": [{"command": "start", "description": "Start"}], "scope": {"type": "chat"}}""");
        postJson("setMyCommands", """
                {"commands": [{"command": "start", "description": "Start"}], "scope": {"type": "everyone"}}""");

        // then
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(telegram.commands("chat:" + user.chatId(), "")).extracting(BotCommandEntry::command).containsExactly("start");
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem).containsExactly(
                "'scope.chat_id' is required in BotCommandScopeChat",
                "'scope.type' is \"everyone\", not a valid BotCommandScope (one of [default,"
                        + " all_private_chats, all_group_chats, all_chat_administrators, chat, chat_administrators,"
                        + " chat_member])");
    }

    @Test
    void acceptsFormAndQueryParametersAsStrings() throws Exception {
        // given
        Map<String, String> form = new LinkedHashMap<>();
        form.put("chat_id", String.valueOf(user.chatId()));
        form.put("text", "Hi & bye");
        form.put("disable_notification", "true");
        form.put("reply_markup", "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}");

        // when
        HttpResponse<String> formResponse = post("sendMessage", "application/x-www-form-urlencoded", encode(form));
        HttpResponse<String> queryResponse = http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot"
                + telegram.token() + "/getUpdates?limit=1&offset=-1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongBoolean = post("sendMessage", "application/x-www-form-urlencoded",
                "chat_id=" + user.chatId() + "&text=x&disable_notification=yes");

        // then
        assertThat(formResponse.statusCode()).isEqualTo(200);
        assertThat(telegram.awaitMessageTo(user.chatId()).buttons()).extracting(InlineButton::callbackData).containsExactly("go");
        assertThat(queryResponse.statusCode()).isEqualTo(200);
        assertThat(wrongBoolean.statusCode()).isEqualTo(400);
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem)
                .containsExactly("'disable_notification' must be Boolean, got string \"yes\"");
        assertThat(telegram.calls("sendMessage").get(0).params().get("chat_id").isNumber())
                .as("form values are recorded normalized").isTrue();
    }

    @Test
    void checksTheLimitsOfGetUpdatesAndSetWebhook() throws Exception {
        // when
        postJson("getUpdates", "{\"limit\": 0}");
        postJson("getUpdates", "{\"limit\": 101}");
        postJson("setWebhook", "{\"url\": \"https://example.org/hook\", \"secret_token\": \"has space\"}");

        // then
        assertThat(telegram.validationErrors()).extracting(ValidationError::problem).containsExactly(
                "limit must be between 1 and 100, got 0",
                "limit must be between 1 and 100, got 101",
                "secret_token must be 1-256 characters of A-Z, a-z, 0-9, _ and -, got 'has space'");
        assertThat(telegram.webhookUrl()).isEmpty();
    }

    @Test
    void failsAnAssertionListingEveryInvalidCall() throws Exception {
        // given
        postJson("sendMessage", "{\"chat_id\": %d}".formatted(user.chatId()));
        postJson("getMee", "{}");

        // when / then
        assertThatThrownBy(() -> telegram.assertNoValidationErrors())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the bot made 2 call(s) that Telegram would reject")
                .hasMessageContaining("sendMessage: parameter 'text' is required")
                .hasMessageContaining("getMee: unknown method 'getMee' (404 Not Found)");
        telegram.clearValidationErrors();
        telegram.assertNoValidationErrors();
    }

    private HttpResponse<String> postJson(String method, String json) throws Exception {
        return post(method, "application/json", json);
    }

    private HttpResponse<String> post(String method, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
