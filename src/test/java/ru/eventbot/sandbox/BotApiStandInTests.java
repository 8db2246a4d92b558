package ru.eventbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.server.ResponseStatusException;

class BotApiStandInTests {

    private static final long ORGANISER = 100_000_001L;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<List<com.fasterxml.jackson.databind.node.ObjectNode>> polled = new ArrayList<>();

    @TempDir
    Path folder;

    private SimulatedUsers users;
    private ChatLog chats;
    private UpdateFeed feed;
    private BotApiStandIn api;
    private ParticipantSide people;
    private long alexander;

    @BeforeEach
    void setUp() {
        users = new SimulatedUsers(folder.resolve("participants.json"), mapper, ORGANISER);
        chats = new ChatLog(new IdSequence(folder.resolve("next-message-id"), 1));
        feed = new UpdateFeed(new IdSequence(folder.resolve("next-update-id"), 1));
        api = new BotApiStandIn(mapper, users, chats, new SandboxFiles(folder.resolve("files")), Clock.systemUTC());
        people = new ParticipantSide(mapper, users, chats, feed, api, Clock.systemUTC());
        alexander = users.all().stream().filter(user -> user.firstName().equals("Александр")).findFirst()
                .orElseThrow().id();
    }

    @Test
    void startsWithAnOrganiserAndParticipantsOfTheStoryAndKeepsAddedOnes() {
        // given
        users.add("Таисия", "Петрова", "ru");

        // when
        var again = new SimulatedUsers(folder.resolve("participants.json"), mapper, ORGANISER);

        // then
        assertThat(again.all()).extracting(SimulatedUser::displayName)
                .contains("Организатор МФЦ", "Александр Духанин", "Ксения Садовская", "Emily Clarke",
                        "Таисия Петрова");
        assertThat(again.find(ORGANISER)).hasValueSatisfying(user -> assertThat(user.organiser()).isTrue());
    }

    @Test
    void theBotCannotWriteFirstNorToAChatThatDoesNotExist() {
        // when / then
        assertThatThrownBy(() -> call("sendMessage", Map.of("chat_id", alexander, "text", "hello")))
                .isInstanceOfSatisfying(BotApiFailure.class, failure -> assertThat(failure.code()).isEqualTo(403));
        assertThatThrownBy(() -> call("sendMessage", Map.of("chat_id", 42, "text", "hello")))
                .isInstanceOfSatisfying(BotApiFailure.class, failure -> assertThat(failure)
                        .hasMessage("Bad Request: chat not found"));
    }

    @Test
    void aParticipantsMessageReachesTheBotAsAnUpdateWithItsCommandEntity() {
        // when
        people.write(alexander, "/start event_1");
        feed.poll(null, 0, new UpdateFeed.Waiter(100, List.of(), polled::add, failure -> { }));

        // then
        var message = polled.get(0).get(0).path("message");
        assertThat(message.path("from").path("first_name").asText()).isEqualTo("Александр");
        assertThat(message.path("from").path("language_code").asText()).isEqualTo("ru");
        assertThat(message.path("chat").path("id").asLong()).isEqualTo(alexander);
        assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(message.path("entities").get(0).path("length").asInt()).isEqualTo(6);
    }

    @Test
    void anEditReplacesTheMessageInPlaceAndTheSameEditIsNotModified() {
        // given
        people.write(alexander, "/events");
        var sent = call("sendMessage", Map.of("chat_id", alexander, "text", "card",
                "reply_markup", keyboard("👍", "ev:like:1")));
        var messageId = sent.path("message_id").asInt();
        var seen = chats.since(alexander, 0).version();

        // when
        var edited = call("editMessageReplyMarkup", Map.of("chat_id", alexander, "message_id", messageId,
                "reply_markup", keyboard("👍 1", "ev:like:1")));

        // then
        assertThat(edited.path("reply_markup").path("inline_keyboard").get(0).get(0).path("text").asText())
                .isEqualTo("👍 1");
        assertThat(chats.since(alexander, seen).messages()).singleElement()
                .satisfies(entry -> assertThat(entry.messageId()).isEqualTo(messageId));
        assertThatThrownBy(() -> call("editMessageReplyMarkup", Map.of("chat_id", alexander,
                "message_id", messageId, "reply_markup", keyboard("👍 1", "ev:like:1"))))
                .hasMessageContaining("message is not modified");
    }

    @Test
    void refusesButtonsTelegramRefuses() {
        // given
        people.write(alexander, "hi");

        // when / then
        assertThatThrownBy(() -> call("sendMessage", Map.of("chat_id", alexander, "text", "x",
                "reply_markup", keyboard("long", "x".repeat(65)))))
                .hasMessage("Bad Request: BUTTON_DATA_INVALID");
        assertThatThrownBy(() -> call("sendMessage", Map.of("chat_id", alexander, "text", "x",
                "reply_markup", Map.of("inline_keyboard", List.of(List.of(Map.of("text", "go",
                        "url", "javascript:alert(1)")))))))
                .hasMessage("Bad Request: BUTTON_URL_INVALID");
    }

    @Test
    void aPressOnlyOfAButtonThatIsThereAndItsAnswerOnlyOnceBecomesAnAlert() {
        // given
        people.write(alexander, "/events");
        var messageId = call("sendMessage", Map.of("chat_id", alexander, "text", "card",
                "reply_markup", keyboard("👍", "ev:like:1"))).path("message_id").asInt();

        // when
        var queryId = people.press(alexander, messageId, "ev:like:1");
        call("answerCallbackQuery", Map.of("callback_query_id", queryId, "text", "Спасибо!", "show_alert", true));

        // then
        assertThat(chats.since(alexander, 0).alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.text()).isEqualTo("Спасибо!");
            assertThat(alert.showAlert()).isTrue();
        });
        assertThatThrownBy(() -> call("answerCallbackQuery", Map.of("callback_query_id", queryId)))
                .hasMessageContaining("query ID is invalid");
        assertThatThrownBy(() -> people.press(alexander, messageId, "ev:forged:1"))
                .isInstanceOf(ResponseStatusException.class);
    }

    @Test
    void aDocumentIsUploadedOnceAndSentAgainByItsFileIdAndServedByGetFile() {
        // given
        people.write(alexander, "slides please");
        var pdf = "%PDF-1.4 slides".getBytes(StandardCharsets.UTF_8);

        // when
        var uploaded = api.invoke("sendDocument", new BotApiParameters(params(Map.of("chat_id", alexander,
                "caption", "Как работают люди в МФЦ")),
                Map.of("document", new BotApiParameters.Upload("slides.pdf", "application/octet-stream", pdf)),
                mapper));
        var fileId = uploaded.path("document").path("file_id").asText();
        var again = call("sendDocument", Map.of("chat_id", alexander, "document", fileId));
        var file = call("getFile", Map.of("file_id", fileId));

        // then
        assertThat(uploaded.path("document").path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(again.path("document").path("file_id").asText()).isEqualTo(fileId);
        assertThat(chats.hasFile(alexander, fileId)).isTrue();
        assertThat(new SandboxFiles(folder.resolve("files")).findByPath(file.path("file_path").asText()))
                .hasValueSatisfying(stored -> assertThat(stored.size()).isEqualTo(pdf.length));
        assertThatThrownBy(() -> call("sendDocument", Map.of("chat_id", alexander, "document", "BQACAgIAAxkDnothing")))
                .hasMessageContaining("wrong file identifier");
    }

    @Test
    void keepsTheCommandMenuOfEachScopeAndLanguage() {
        // given
        call("setMyCommands", Map.of("commands", List.of(Map.of("command", "start", "description", "Начать"))));
        call("setMyCommands", Map.of("commands", List.of(Map.of("command", "start", "description", "Start")),
                "language_code", "en"));
        call("setMyCommands", Map.of("commands", List.of(Map.of("command", "stats", "description", "Цифры")),
                "scope", Map.of("type", "chat", "chat_id", String.valueOf(ORGANISER))));

        // when / then
        assertThat(api.commandsFor(users.find(alexander).orElseThrow()))
                .extracting(command -> command.path("description").asText()).containsExactly("Начать");
        assertThat(api.commandsFor(users.find(alexander).orElseThrow().withLanguage("en")))
                .extracting(command -> command.path("description").asText()).containsExactly("Start");
        assertThat(api.commandsFor(users.find(ORGANISER).orElseThrow()))
                .extracting(command -> command.path("command").asText()).containsExactly("stats");
        assertThatThrownBy(() -> call("setMyCommands", Map.of("commands",
                List.of(Map.of("command", "Bad Command", "description", "x")))))
                .hasMessage("Bad Request: BOT_COMMAND_INVALID");
    }

    @Test
    void answersUnknownMethodsWith404InAnyCase() {
        // when / then
        assertThat(call("GETME", Map.of()).path("id").asLong()).isEqualTo(SandboxActivation.BOT_ID);
        assertThatThrownBy(() -> call("sendTeleport", Map.of()))
                .isInstanceOfSatisfying(BotApiFailure.class, failure -> assertThat(failure.code()).isEqualTo(404));
    }

    private JsonNode call(String method, Map<String, Object> values) {
        return api.invoke(method, new BotApiParameters(params(values), Map.of(), mapper));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode params(Map<String, Object> values) {
        return mapper.valueToTree(values);
    }

    private static Map<String, Object> keyboard(String text, String data) {
        return Map.of("inline_keyboard", List.of(List.of(Map.of("text", text, "callback_data", data))));
    }
}
