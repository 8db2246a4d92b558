package ru.eventbot.testsupport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/** A fake for benchmarks keeps each chat's latest messages only, and goes on numbering and answering as before. */
class FakeTelegramHistoryLimitTests {

    @Test
    void aChatKeepsItsLatestMessagesOnlyAndMessageIdsGoOn() throws Exception {
        var okHttp = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
        try (var telegram = FakeTelegram.builder().messageHistoryLimit(3).start()) {
            var client = new OkHttpTelegramClient(okHttp, telegram.token(), telegram.telegramUrl());
            var maria = telegram.user("Мария", "Иванова");

            var ids = new int[4];
            for (int i = 0; i < 4; i++) {
                maria.sends("Вопрос " + i);
                ids[i] = client.execute(SendMessage.builder().chatId(maria.chatId()).text("Ответ " + i).build())
                        .getMessageId();
            }

            // user and bot messages share one numbering: 1 question, 2 answer, 3 question, 4 answer, ...
            assertThat(ids).containsExactly(2, 4, 6, 8);
            assertThat(telegram.messagesTo(maria.chatId())).extracting(BotMessage::text)
                    .containsExactly("Ответ 2", "Ответ 3");
            assertThat(telegram.message(maria.chatId(), ids[1])).isEmpty();
            assertThat(telegram.messagesSentCount()).isEqualTo(4);
            telegram.assertNoValidationErrors();
        } finally {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }
}
