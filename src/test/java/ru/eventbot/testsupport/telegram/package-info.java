/**
 * A fake Telegram Bot API server for end-to-end tests.
 * <p>
 * {@link ru.eventbot.testsupport.telegram.FakeTelegram} is a real HTTP server on 127.0.0.1 (random port) that
 * speaks the Bot API as TelegramBots' {@code OkHttpTelegramClient} and long-polling application use it:
 * <ul>
 *     <li>every call is validated against the bundled spec ({@code telegram-bot-api-spec/api.json}, Bot API 10.1):
 *     method, token, required parameters, JSON types (recursively), unknown fields and Telegram's value limits;
 *     invalid calls get Telegram's 400 and end up in {@code validationErrors()} /
 *     {@code assertNoValidationErrors()};</li>
 *     <li>users ({@link ru.eventbot.testsupport.telegram.FakeUser}) send messages, press buttons, react, edit,
 *     send documents and block the bot; the bot receives these as updates through getUpdates or a webhook;</li>
 *     <li>what the bot sends is kept per chat and can be awaited in order
 *     ({@link ru.eventbot.testsupport.telegram.FakeUser#awaitMessage()},
 *     {@link ru.eventbot.testsupport.telegram.FakeTelegram#awaitMessageTo(long, java.time.Duration)});</li>
 *     <li>faults ({@link ru.eventbot.testsupport.telegram.Fault}: 429, 5xx, non-JSON bodies, delays, dropped
 *     connections) can be injected per method or for a time window;</li>
 *     <li>{@link ru.eventbot.testsupport.telegram.FakeTelegramListener} reports served updates and bot messages
 *     with {@code System.nanoTime()} for latency measurements.</li>
 * </ul>
 * Point the application at {@code telegram.telegramUrl()} (or {@code baseUrl()}) with {@code telegram.token()}.
 * Note that {@code OkHttpTelegramClient.downloadFile*} ignores the TelegramUrl and always goes to
 * api.telegram.org; download from {@code baseUrl() + "/file/bot" + token + "/" + filePath} instead.
 */
package ru.eventbot.testsupport.telegram;
