package ru.eventbot.testsupport.telegram;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook delivery and the fake's lifecycle. */
class FakeTelegramWebhookTests {

    private FakeTelegram telegram;
    private OkHttpTelegramClient client;
    private HttpServer webhook;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToSimulate = new AtomicInteger();

    @BeforeEach
    void startTelegramAndWebhook() throws Exception {
        telegram = FakeTelegram.builder().webhookRetryDelay(Duration.ofMillis(50)).start();
        client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(), telegram.telegramUrl());
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        webhook.createContext("/hook", exchange -> {
            secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(failuresToSimulate.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopAll() {
        telegram.close();
        webhook.stop(0);
    }

    @Test
    void postsUpdatesToTheWebhookWithTheSecretAndRetriesUntilAccepted() throws Exception {
        // given
        failuresToSimulate.set(2);
        client.execute(SetWebhook.builder().url(webhookUrl()).secretToken("s3cret_Token-1")
                .allowedUpdates(List.of("message")).build());
        FakeUser user = telegram.user("Ivan", "Petrov");

        // when
        EnqueuedUpdate update = user.sends("/start");

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> bodies.size() == 3 && telegram.pendingUpdateCount() == 0);
        assertThat(secrets).containsOnly("s3cret_Token-1");
        assertThat(bodies).allSatisfy(body -> assertThat(body).contains("\"update_id\":" + update.updateId()));
        WebhookInfo info = client.execute(new GetWebhookInfo());
        assertThat(info.getUrl()).isEqualTo(webhookUrl());
        assertThat(info.getLastErrorMessage()).isEqualTo("Wrong response from the webhook: 500");
        assertThat(info.getAllowedUpdates()).containsExactly("message");
        telegram.assertNoValidationErrors();
    }

    @Test
    void skipsUpdatesTheWebhookDidNotAskFor() throws Exception {
        // given
        client.execute(SetWebhook.builder().url(webhookUrl()).allowedUpdates(List.of("callback_query")).build());
        FakeUser user = telegram.user("Ivan", "Petrov");

        // when
        user.sends("ignored");
        user.blocksTheBot();

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> telegram.pendingUpdateCount() == 0);
        assertThat(bodies).isEmpty();
    }

    @Test
    void stopsDeliveringAfterDeleteWebhook() throws Exception {
        // given
        client.execute(SetWebhook.builder().url(webhookUrl()).build());
        client.execute(DeleteWebhook.builder().build());
        FakeUser user = telegram.user("Ivan", "Petrov");

        // when
        user.sends("kept for getUpdates");

        // then
        assertThat(telegram.webhookUrl()).isEmpty();
        assertThat(telegram.pendingUpdateCount()).isEqualTo(1);
        assertThat(bodies).isEmpty();
    }

    @Test
    void closesQuicklyEvenDuringALongPollAndLeavesNoThreadsBehind() throws Exception {
        // given
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        FakeTelegram other = FakeTelegram.start();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(other.baseUrl() + "/bot" + other.token()
                                + "/getUpdates?timeout=30&allowed_updates=%5B%22message%22%5D"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        // the poll has reached the fake once its allowed_updates are known; then let it start waiting
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !other.allowedUpdatesHistory().isEmpty());
        Thread.sleep(100);

        // when
        long started = System.nanoTime();
        other.close();

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(poll.get().body()).isEqualTo("{\"ok\":true,\"result\":[]}");
        assertThat(newThreads(before)
                .filter(thread -> !thread.isDaemon() || thread.getName().startsWith("fake-telegram"))
                .map(Thread::getName).collect(Collectors.toList())).isEmpty();
    }

    private static java.util.stream.Stream<Thread> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(thread -> !before.contains(thread));
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    }
}
