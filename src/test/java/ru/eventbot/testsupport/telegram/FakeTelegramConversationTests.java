package ru.eventbot.testsupport.telegram;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The test DSL, against a tiny bot running on TelegramBots' long-polling application. */
class FakeTelegramConversationTests {

    private static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "message_reaction", "my_chat_member");

    private FakeTelegram telegram;
    private TelegramBotsLongPollingApplication polling;
    private OkHttpTelegramClient client;
    private final List<String> botLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTelegramAndBot() throws Exception {
        telegram = FakeTelegram.start();
        client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl());
        polling = new TelegramBotsLongPollingApplication();
        polling.registerBot(telegram.token(), telegram::telegramUrl,
                lastUpdateId -> GetUpdates.builder().offset(lastUpdateId + 1).timeout(1).allowedUpdates(ALLOWED_UPDATES)
                        .build(),
                (LongPollingUpdateConsumer) updates -> updates.forEach(this::handle));
    }

    @AfterEach
    void stopBotAndTelegram() throws Exception {
        polling.close();
        telegram.close();
    }

    /** The bot under test: greets with a rating keyboard, thanks for ratings and reactions. */
    private void handle(Update update) {
        try {
            if (update.hasMessage() && "/start".equals(update.getMessage().getText())) {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                        .text("Привет, <b>" + update.getMessage().getFrom().getFirstName() + "</b>! Оцените доклад")
                        .parseMode("HTML")
                        .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("👍 Полезно").callbackData("rate:up").build(),
                                InlineKeyboardButton.builder().text("👎 Не очень").callbackData("rate:down").build()))
                                .build())
                        .build());
            } else if (update.hasEditedMessage()) {
                botLog.add("edited: " + update.getEditedMessage().getText());
            } else if (update.hasCallbackQuery()) {
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId())
                        .text("Спасибо!").build());
                client.execute(EditMessageText.builder().chatId(update.getCallbackQuery().getMessage().getChatId())
                        .messageId(update.getCallbackQuery().getMessage().getMessageId())
                        .text("Спасибо за оценку: " + update.getCallbackQuery().getData()).build());
            } else if (update.getMessageReaction() != null) {
                String emoji = ((ReactionTypeEmoji) update.getMessageReaction().getNewReaction().get(0)).getEmoji();
                client.execute(SendMessage.builder().chatId(update.getMessageReaction().getChat().getId())
                        .text("Реакция получена: " + emoji).build());
            } else if (update.hasMyChatMember()) {
                botLog.add(update.getMyChatMember().getFrom().getId() + " is now "
                        + update.getMyChatMember().getNewChatMember().getStatus());
            } else if (update.hasMessage() && update.getMessage().hasDocument()) {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                        .text("Получен файл: " + update.getMessage().getDocument().getFileName()).build());
            } else if (update.hasMessage()) {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                        .text("Вы написали: " + update.getMessage().getText()).build());
            }
        } catch (TelegramApiException e) {
            botLog.add("failed: " + e.getMessage());
        }
    }

    @Test
    void readsLikeTheConversationItChecks() {
        // given
        FakeUser alexander = telegram.user("Александр", "Духанин");

        // when
        alexander.sends("/start");
        ReceivedMessage greeting = alexander.awaitMessage();
        CallbackAnswer answer = greeting.pressButton("👍").awaitAnswer();
        ReceivedMessage thanked = greeting.awaitEdit();
        alexander.reactsTo(greeting, "🔥");

        // then
        assertThat(greeting.text()).isEqualTo("Привет, Александр! Оцените доклад");
        assertThat(greeting.buttonLabels()).containsExactly("👍 Полезно", "👎 Не очень");
        assertThat(answer.text()).isEqualTo("Спасибо!");
        assertThat(thanked.text()).isEqualTo("Спасибо за оценку: rate:up");
        assertThat(thanked.buttons()).isEmpty();
        assertThat(thanked.editHistory()).containsExactly("Привет, Александр! Оцените доклад");
        assertThat(alexander.awaitMessage().text()).isEqualTo("Реакция получена: 🔥");
        alexander.noMoreMessagesWithin(Duration.ofMillis(300));
        telegram.assertNoValidationErrors();
    }

    @Test
    void keepsEachUsersRepliesApartAndInOrder() {
        // given
        FakeUser alexander = telegram.user("Александр", "Духанин");
        FakeUser anna = telegram.user("Anna", "Smith").withLanguage("en");

        // when
        alexander.sends("раз");
        anna.sends("one");
        alexander.sends("два");

        // then
        assertThat(alexander.awaitMessages(2)).extracting(ReceivedMessage::text)
                .containsExactly("Вы написали: раз", "Вы написали: два");
        assertThat(anna.awaitMessage().text()).isEqualTo("Вы написали: one");
        assertThat(alexander.messages()).hasSize(2);
        assertThat(telegram.messagesSentCount()).isEqualTo(3);
    }

    @Test
    void tellsTheBotWhenAUserBlocksAndUnblocksIt() throws Exception {
        // given
        FakeUser alexander = telegram.user("Александр", "Духанин");
        alexander.sends("/start");
        alexander.awaitMessage();

        // when
        alexander.blocksTheBot();
        telegram.awaitCall("getUpdates", call -> botLog.contains(alexander.id() + " is now kicked"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> alexander.sends("hi")).isInstanceOf(IllegalStateException.class);
        alexander.unblocksTheBot();
        alexander.sends("снова здесь");

        // then
        assertThat(alexander.awaitMessage().text()).isEqualTo("Вы написали: снова здесь");
        assertThat(botLog).containsSubsequence(alexander.id() + " is now kicked", alexander.id() + " is now member");
    }

    @Test
    void deliversEditedMessagesAndDocumentsFromUsers() {
        // given
        FakeUser anna = telegram.user("Anna", "Smith").withLanguage("en");
        EnqueuedUpdate question = anna.sends("When does it start?");
        anna.awaitMessage();

        // when
        anna.edits(question, "When does the keynote start?");
        anna.sendsDocument("questions.txt", "1. Why?".getBytes());

        // then
        assertThat(anna.awaitMessage().text()).isEqualTo("Получен файл: questions.txt");
        telegram.awaitCall("getUpdates", call -> botLog.contains("edited: When does the keynote start?"),
                Duration.ofSeconds(5));
    }

    @Test
    void explainsWhatTheChatHasWhenAnExpectedMessageDoesNotArrive() {
        // given
        FakeUser anna = telegram.user("Anna", "Smith");
        anna.sends("hello");
        anna.awaitMessage();

        // when / then
        assertThatThrownBy(() -> anna.awaitMessage(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected a message to chat " + anna.chatId() + " within 200ms; chat has")
                .hasMessageContaining("\"Вы написали: hello\"");
    }

    @Test
    void failsWhenAnUnexpectedMessageArrives() {
        // given
        FakeUser anna = telegram.user("Anna", "Smith");

        // when
        anna.sends("hello");

        // then
        assertThatThrownBy(() -> anna.noMoreMessagesWithin(Duration.ofSeconds(3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no more messages to chat " + anna.chatId())
                .hasMessageContaining("Вы написали: hello");
    }

    @Test
    void reportsServedUpdatesAndBotMessagesToListeners() {
        // given
        AtomicInteger served = new AtomicInteger();
        List<Long> repliedChats = new CopyOnWriteArrayList<>();
        telegram.addListener(new FakeTelegramListener() {
            @Override
            public void onUpdateServed(long updateId, long chatId, long nanoTime) {
                served.incrementAndGet();
            }

            @Override
            public void onBotMessage(long chatId, int messageId, long nanoTime) {
                repliedChats.add(chatId);
            }
        });
        FakeUser anna = telegram.user("Anna", "Smith");

        // when
        anna.sends("hello");
        anna.awaitMessage();

        // then
        assertThat(served.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(repliedChats).containsExactly(anna.chatId()));
    }
}
