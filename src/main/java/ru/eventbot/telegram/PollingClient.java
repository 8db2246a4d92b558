package ru.eventbot.telegram;

import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The client that runs getUpdates long polls; {@link #cancelAll()} ends a poll at once on shutdown. */
record PollingClient(TelegramClient client, OkHttpClient http) {

    void cancelAll() {
        http.dispatcher().cancelAll();
    }

    void close() {
        cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
