package ru.eventbot.telegram;

import okhttp3.OkHttpClient;

/** The client that runs getUpdates long polls; {@link #cancelAll()} ends a poll at once on shutdown. */
record PollingClient(SynchronousTelegramClient client, OkHttpClient http) {

    void cancelAll() {
        http.dispatcher().cancelAll();
    }

    void close() {
        cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
