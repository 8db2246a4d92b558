package ru.eventbot.testsupport.telegram;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.reactions.SetMessageReaction;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake driven by the real TelegramBots 10.2 client, the way the application uses it. */
class FakeTelegramTests {

    private FakeTelegram telegram;
    private OkHttpClient okHttp;
    private OkHttpTelegramClient client;

    @BeforeEach
    void startFakeTelegram() {
        telegram = FakeTelegram.start();
        okHttp = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
        client = new OkHttpTelegramClient(okHttp, telegram.token(), telegram.telegramUrl());
    }

    @AfterEach
    void stopFakeTelegram() {
        telegram.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    @Test
    void acceptsTypicalCallsOfTheLibraryWithoutValidationErrors() throws Exception {
        // given
        FakeUser anna = telegram.user("Anna", "Smith").withLanguage("en");
        anna.sends("/start");

        // when
        Message sent = client.execute(SendMessage.builder().chatId(anna.chatId()).text("<b>Hello</b>, Anna!")
                .parseMode("HTML").replyMarkup(keyboard("👍 Like", "like:1")).build());
        client.execute(EditMessageReplyMarkup.builder().chatId(anna.chatId()).messageId(sent.getMessageId())
                .replyMarkup(keyboard("👎 Unlike", "unlike:1")).build());
        String queryId = telegram.userPressesButton(anna, sent.getMessageId(), "unlike:1").callbackQueryId();
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("Done").build());
        client.execute(SendDocument.builder().chatId(anna.chatId())
                .document(new InputFile(new ByteArrayInputStream(bytes("report")), "report.pdf")).caption("Report")
                .build());
        client.execute(SetMyCommands.builder().commands(List.of(new BotCommand("start", "Start the bot")))
                .scope(new BotCommandScopeDefault()).languageCode("en").build());
        client.execute(SendChatAction.builder().chatId(anna.chatId()).action("typing").build());
        client.execute(SetMessageReaction.builder().chatId(anna.chatId()).messageId(sent.getMessageId())
                .reactionTypes(List.of(ReactionTypeEmoji.builder().emoji("👍").build())).build());
        client.execute(GetMe.builder().build());
        client.execute(GetUpdates.builder().offset(0).limit(100).timeout(0).build());
        client.execute(SendMessage.builder().chatId(anna.chatId()).text("*Menu* 10\\.00").parseMode(ParseMode.MARKDOWNV2)
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(List.of(new KeyboardButton("Agenda"))))
                        .resizeKeyboard(true).build()).build());
        client.execute(SendMessage.builder().chatId(anna.chatId()).text("Bye").replyMarkup(new ReplyKeyboardRemove(true))
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build());
        client.execute(SendPhoto.builder().chatId(anna.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png(4, 3)), "slide.png")).caption("Slide").build());
        client.execute(new DeleteMessage(String.valueOf(anna.chatId()), sent.getMessageId()));
        client.execute(new GetChat(String.valueOf(anna.chatId())));

        // then
        telegram.assertNoValidationErrors();
        assertThat(sent.getText()).isEqualTo("Hello, Anna!");
        assertThat(sent.getFrom().getIsBot()).isTrue();
        assertThat(telegram.calls()).extracting(RecordedCall::method).contains("sendMessage", "editMessageReplyMarkup",
                "answerCallbackQuery", "sendDocument", "setMyCommands", "sendChatAction", "setMessageReaction",
                "getMe", "getUpdates");
    }

    @Test
    void describesTheBotOfTheTokenInGetMe() throws Exception {
        // when
        User me = client.execute(new GetMe());

        // then
        assertThat(me.getId()).isEqualTo(123456789L);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo(FakeTelegram.DEFAULT_BOT_USERNAME);
    }

    @Test
    void deliversACommandAsAMessageWithABotCommandEntity() throws Exception {
        // given
        FakeUser alexander = telegram.user("Александр", "Духанин");
        alexander.sends("/start campaign_42");

        // when
        List<Update> updates = client.execute(GetUpdates.builder().timeout(0).build());

        // then
        assertThat(updates).hasSize(1);
        Message message = updates.get(0).getMessage();
        assertThat(message.getText()).isEqualTo("/start campaign_42");
        // TelegramBots computes entity texts in getEntities(); Message.isCommand() is false before that call
        assertThat(message.getEntities()).singleElement().satisfies(entity -> {
            assertThat(entity.getType()).isEqualTo("bot_command");
            assertThat(entity.getOffset()).isZero();
            assertThat(entity.getLength()).isEqualTo("/start".length());
        });
        assertThat(message.isCommand()).isTrue();
        assertThat(message.getFrom().getId()).isEqualTo(alexander.id()).isGreaterThan(Integer.MAX_VALUE);
        assertThat(message.getFrom().getLanguageCode()).isEqualTo("ru");
        assertThat(message.getChatId()).isEqualTo(alexander.chatId());
    }

    @Test
    void dropsUpdatesBelowTheOffsetAndKeepsTheRest() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        int first = (int) user.sends("one").updateId();
        user.sends("two");
        user.sends("three");

        // when
        List<Update> unconfirmed = client.execute(GetUpdates.builder().limit(2).build());
        List<Update> afterOffset = client.execute(GetUpdates.builder().offset(first + 1).build());
        List<Update> againWithoutOffset = client.execute(GetUpdates.builder().build());

        // then
        assertThat(unconfirmed).extracting(update -> update.getMessage().getText()).containsExactly("one", "two");
        assertThat(afterOffset).extracting(update -> update.getMessage().getText()).containsExactly("two", "three");
        assertThat(againWithoutOffset).extracting(Update::getUpdateId).containsExactly(first + 1, first + 2);
        assertThat(telegram.pendingUpdateCount()).isEqualTo(2);
    }

    @Test
    void answersALongPollAsSoonAsAnUpdateArrives() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        CompletableFuture<? extends List<Update>> poll = client.executeAsync(GetUpdates.builder().timeout(10).build());
        Thread.sleep(200); // let the poll start waiting

        // when
        long started = System.nanoTime();
        user.sends("hello");
        List<Update> updates = poll.get(5, TimeUnit.SECONDS);

        // then
        assertThat(updates).extracting(update -> update.getMessage().getText()).containsExactly("hello");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void answersAnEmptyListWhenTheLongPollTimesOut() throws Exception {
        // given
        long started = System.nanoTime();

        // when
        List<Update> updates = client.execute(GetUpdates.builder().timeout(1).build());

        // then
        assertThat(updates).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void remembersAllowedUpdatesAndLeavesReactionsOutByDefault() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        Message sent = client.execute(SendMessage.builder().chatId(user.chatId()).text("Rate us").build());
        telegram.userReacts(user, sent.getMessageId(), "🔥");

        // when
        List<Update> byDefault = client.execute(GetUpdates.builder().build());
        List<Update> withReactions = client.execute(GetUpdates.builder()
                .allowedUpdates(List.of("message", "message_reaction")).build());
        // TelegramBots always sends allowed_updates (an empty list by default), so omit it with a raw call
        String remembered = post("getUpdates", "{}");

        // then
        assertThat(byDefault).extracting(Update::hasMessage).containsExactly(true);
        assertThat(withReactions).hasSize(2);
        assertThat(withReactions.get(1).getMessageReaction().getNewReaction()).hasSize(1);
        assertThat(remembered).contains("\"message_reaction\"");
        assertThat(telegram.allowedUpdatesHistory()).containsExactly(List.of(), List.of("message", "message_reaction"));
    }

    @Test
    void terminatesTheOlderOfTwoOverlappingLongPolls() throws Exception {
        // given
        CompletableFuture<? extends List<Update>> older = client.executeAsync(GetUpdates.builder().timeout(5).build());
        Thread.sleep(300); // let the older poll start waiting

        // when
        List<Update> newer = client.execute(GetUpdates.builder().timeout(0).build());

        // then
        assertThat(newer).isEmpty();
        assertThatThrownBy(() -> older.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(TelegramApiRequestException.class, conflict -> {
                    assertThat(conflict.getErrorCode()).isEqualTo(409);
                    assertThat(conflict.getApiResponse()).isEqualTo("Conflict: terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                });
    }

    @Test
    void refusesGetUpdatesWhileAWebhookIsSet() throws Exception {
        // given
        client.execute(SetWebhook.builder().url("http://127.0.0.1:9/hook").secretToken("s3cret_token-1").build());

        // when / then
        assertThatThrownBy(() -> client.execute(GetUpdates.builder().build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, conflict -> {
                    assertThat(conflict.getErrorCode()).isEqualTo(409);
                    assertThat(conflict.getApiResponse()).contains("can't use getUpdates method while webhook is active");
                });
        WebhookInfo info = client.execute(new GetWebhookInfo());
        assertThat(info.getUrl()).isEqualTo("http://127.0.0.1:9/hook");
        client.execute(DeleteWebhook.builder().build());
        assertThat(client.execute(GetUpdates.builder().build())).isEmpty();
        telegram.assertNoValidationErrors();
    }

    @Test
    void numbersMessagesPerChatSharingIdsBetweenUserAndBot() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        int first = user.sends("hi").messageId();

        // when
        Message reply = client.execute(SendMessage.builder().chatId(user.chatId()).text("hello").build());
        int next = user.sends("how are you?").messageId();

        // then
        assertThat(reply.getMessageId()).isEqualTo(first + 1);
        assertThat(next).isEqualTo(first + 2);
        assertThat(telegram.messagesSentCount()).isEqualTo(1);
    }

    @Test
    void refusesToWriteToAUserWhoNeverWroteToTheBot() {
        // given
        FakeUser stranger = telegram.user("Stranger", null);

        // when / then
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(stranger.chatId()).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(400);
                    assertThat(error.getApiResponse()).isEqualTo("Bad Request: chat not found");
                });
        telegram.assertNoValidationErrors();
    }

    @Test
    void answersForbiddenAfterTheUserBlocksTheBot() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        user.blocksTheBot();

        // when / then
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.chatId()).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(403);
                    assertThat(error.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
                });
        List<Update> updates = client.execute(GetUpdates.builder().build());
        assertThat(updates.get(1).getMyChatMember().getNewChatMember().getStatus()).isEqualTo("kicked");
        user.unblocksTheBot();
        assertThat(client.execute(SendMessage.builder().chatId(user.chatId()).text("welcome back").build())).isNotNull();
    }

    @Test
    void reportsAnEditThatChangesNothingAsNotModified() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        Message sent = client.execute(SendMessage.builder().chatId(user.chatId()).text("Choose")
                .replyMarkup(keyboard("A", "a")).build());

        // when / then
        assertThatThrownBy(() -> client.execute(EditMessageReplyMarkup.builder().chatId(user.chatId())
                .messageId(sent.getMessageId()).replyMarkup(keyboard("A", "a")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error ->
                        assertThat(error.getApiResponse()).startsWith("Bad Request: message is not modified"));
        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(user.chatId()).messageId(9999)
                .text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error ->
                        assertThat(error.getApiResponse()).isEqualTo("Bad Request: message to edit not found"));
        client.execute(EditMessageText.builder().chatId(user.chatId()).messageId(sent.getMessageId()).text("Chosen")
                .build());
        BotMessage edited = telegram.message(user.chatId(), sent.getMessageId()).orElseThrow();
        assertThat(edited.text()).isEqualTo("Chosen");
        assertThat(edited.buttons()).as("editMessageText without reply_markup removes the keyboard").isEmpty();
        assertThat(edited.editHistory()).containsExactly("Choose");
    }

    @Test
    void acceptsEachCallbackQueryAnswerOnlyOnce() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        Message sent = client.execute(SendMessage.builder().chatId(user.chatId()).text("Choose")
                .replyMarkup(keyboard("A", "a")).build());
        String queryId = telegram.userPressesButton(user, sent.getMessageId(), "a").callbackQueryId();
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build());

        // when / then
        for (String id : List.of(queryId, "424242")) {
            assertThatThrownBy(() -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(id).build()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> assertThat(error.getApiResponse())
                            .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid"));
        }
    }

    @Test
    void storesUploadedDocumentsForDownloadAndCountsReuse() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/materials");
        Message uploaded = client.execute(SendDocument.builder().chatId(user.chatId())
                .document(new InputFile(new ByteArrayInputStream(bytes("slides")), "Слайды доклада.pdf")).build());

        // when
        Message reused = client.execute(SendDocument.builder().chatId(user.chatId())
                .document(new InputFile(uploaded.getDocument().getFileId())).build());
        File file = client.execute(new GetFile(uploaded.getDocument().getFileId()));
        // OkHttpTelegramClient.downloadFile* ignores TelegramUrl (always api.telegram.org), so download directly
        byte[] downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/file/bot" + telegram.token() + "/" + file.getFilePath())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();

        // then
        assertThat(uploaded.getDocument().getFileName()).isEqualTo("Слайды доклада.pdf");
        assertThat(uploaded.getDocument().getMimeType()).isEqualTo("application/pdf");
        assertThat(reused.getDocument().getFileId()).isEqualTo(uploaded.getDocument().getFileId());
        assertThat(downloaded).isEqualTo(bytes("slides"));
        assertThat(telegram.uploadCount()).isEqualTo(1);
        assertThat(telegram.fileReuseCount()).isEqualTo(1);
        assertThat(user.awaitMessage().documentBytes()).isEqualTo(bytes("slides"));
        telegram.assertNoValidationErrors();
    }

    @Test
    void passesRetryAfterOfTooManyRequestsToTheLibrary() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        telegram.failNext("sendMessage", 1, Fault.tooManyRequests(2));

        // when / then
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user.chatId()).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(429);
                    assertThat(error.getParameters().getRetryAfter()).isEqualTo(2);
                    assertThat(error.getApiResponse()).isEqualTo("Too Many Requests: retry after 2");
                });
        assertThat(client.execute(SendMessage.builder().chatId(user.chatId()).text("hi").build())).isNotNull();
        assertThat(telegram.messagesTo(user.chatId())).hasSize(1);
    }

    @Test
    void injectsServerErrorsMalformedBodiesAndDroppedConnections() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        SendMessage hi = SendMessage.builder().chatId(user.chatId()).text("hi").build();
        telegram.failNext("sendMessage", 1, Fault.serverError(502));
        telegram.failNext("sendMessage", 1, Fault.malformedJson());
        telegram.failNext("sendMessage", 3, Fault.connectionReset());

        // when / then
        assertThatThrownBy(() -> client.execute(hi)).isInstanceOfSatisfying(TelegramApiRequestException.class,
                error -> assertThat(error.getErrorCode()).isEqualTo(502));
        assertThatThrownBy(() -> client.execute(hi)).isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Unable to deserialize response");
        assertThatThrownBy(() -> client.execute(hi)).isInstanceOf(TelegramApiException.class);
        telegram.clearFaults();
        assertThat(client.execute(hi)).isNotNull();
        assertThat(telegram.messagesTo(user.chatId())).hasSize(1);
    }

    @Test
    void delaysResponsesSoThatClientsTimeOut() {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        user.sends("/start");
        OkHttpClient impatient = okHttp.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        OkHttpTelegramClient impatientClient = new OkHttpTelegramClient(impatient, telegram.token(),
                telegram.telegramUrl());
        telegram.failNext("sendMessage", 1, Fault.delay(Duration.ofMillis(700)));

        // when / then
        assertThatThrownBy(() -> impatientClient.execute(SendMessage.builder().chatId(user.chatId()).text("hi").build()))
                .isInstanceOf(TelegramApiException.class);
        assertThat(user.awaitMessage(Duration.ofSeconds(3)).text())
                .as("a delayed call is still executed, like on a slow server").isEqualTo("hi");
    }

    @Test
    void failsEveryCallDuringAFaultWindow() throws Exception {
        // given
        telegram.failAllFor(Duration.ofMillis(300), Fault.serverError(500));

        // when / then
        assertThatThrownBy(() -> client.execute(new GetMe())).isInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> client.execute(GetUpdates.builder().build())).isInstanceOf(TelegramApiRequestException.class);
        Thread.sleep(400);
        assertThat(client.execute(new GetMe()).getIsBot()).isTrue();
    }

    @Test
    void returnsCommandsPerScopeAndLanguage() throws Exception {
        // given
        client.execute(SetMyCommands.builder().commands(List.of(new BotCommand("start", "Начать")))
                .scope(new BotCommandScopeDefault()).languageCode("ru").build());
        client.execute(SetMyCommands.builder().commands(List.of(new BotCommand("start", "Start"),
                new BotCommand("help", "Help"))).build());

        // when
        List<BotCommand> russian = client.execute(GetMyCommands.builder().languageCode("ru").build());

        // then
        assertThat(russian).extracting(BotCommand::getDescription).containsExactly("Начать");
        assertThat(telegram.commands("")).extracting(BotCommandEntry::command).containsExactly("start", "help");
        assertThat(telegram.commands("ru")).containsExactly(new BotCommandEntry("start", "Начать"));
        telegram.assertNoValidationErrors();
    }

    private String post(String method, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static InlineKeyboardMarkup keyboard(String label, String data) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(label).callbackData(data).build())).build();
    }

    @Test
    void copiesForwardsAndSendsMediaGroups() throws Exception {
        // given
        FakeUser user = telegram.user("Ivan", "Petrov");
        int question = user.sends("What about slides?").messageId();

        // when
        MessageId copy = client.execute(CopyMessage.builder().chatId(user.chatId()).fromChatId(user.chatId())
                .messageId(question).build());
        Message forwarded = client.execute(ForwardMessage.builder().chatId(user.chatId()).fromChatId(user.chatId())
                .messageId(question).build());
        List<Message> album = client.execute(SendMediaGroup.builder().chatId(user.chatId()).medias(List.of(
                InputMediaDocument.builder().media(new ByteArrayInputStream(bytes("1")), "part1.txt").build(),
                InputMediaDocument.builder().media(new ByteArrayInputStream(bytes("2")), "part2.txt").caption("Parts")
                        .build())).build());

        // then
        assertThat(telegram.message(user.chatId(), copy.getMessageId().intValue()).orElseThrow().text())
                .isEqualTo("What about slides?");
        assertThat(forwarded.getForwardOrigin()).isNotNull();
        assertThat(album).extracting(message -> message.getDocument().getFileName()).containsExactly("part1.txt", "part2.txt");
        assertThat(user.awaitMessages(4).get(3).documentBytes()).isEqualTo(bytes("2"));
        telegram.assertNoValidationErrors();
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
