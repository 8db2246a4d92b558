package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeTelegramListener;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * Updates through webhooks into one or two instances ({@code -Dbenchmark.instances=2}, PostgreSQL only), as a load
 * balancer in front of a fleet would send them: 16 connections post text messages from 1,000 chats (each chat's in
 * order on one connection, update ids alternating between the instances), and the fake Bot API counts the replies.
 * A 503 (the instance's room for unhandled updates is full) is retried after 0.1 s, as Telegram retries.
 * Throughput is from the first post to the last reply. Asserts that every update was handled once and answered once.
 * Run with {@code ./mvnw -Pbenchmark verify -Dtest=WebhookFleetBenchmark [-Deventbot.test.database=postgres
 * -Dbenchmark.instances=2]}.
 */
class WebhookFleetBenchmark {

    private static final int UPDATES = Integer.getInteger("benchmark.updates", 10_000);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup.updates", 5_000);
    private static final int CHATS = 1_000;
    private static final int CONNECTIONS = 16;
    private static final String SECRET = "benchmark_secret";
    private static final String PATH = "/telegram/webhook";

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CONNECTIONS))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void updatesThroughWebhooksIntoOneOrTwoInstances() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).httpThreads(16).start()) {
            telegram.recordCalls(false);
            var replies = new AtomicInteger();
            var lastReply = new AtomicLong();
            telegram.addListener(new FakeTelegramListener() {
                @Override
                public void onBotMessage(long chatId, int messageId, long nanoTime) {
                    replies.incrementAndGet();
                    lastReply.accumulateAndGet(nanoTime, Math::max);
                }
            });
            var ports = new ArrayList<Integer>();
            try (var bots = BenchmarkBots.start(telegram, Map.of("logging.level.ru.eventbot", "WARN",
                    "eventbot.flood.messages", "1000000", "eventbot.telegram.mode", "webhook",
                    "eventbot.telegram.webhook-secret", SECRET), i -> {
                        ports.add(freePort());
                        return Map.of("server.port", String.valueOf(ports.get(i)),
                                "eventbot.telegram.webhook-url", "http://127.0.0.1:" + ports.get(i) + PATH);
                    })) {
                var users = new ArrayList<FakeUser>();
                for (int i = 0; i < CHATS; i++) {
                    users.add(telegram.user("Участник" + i, "Нагрузочный").knownToTheBot());
                }
                post(bots.all(), users, 1, WARMUP);
                await().atMost(Duration.ofMinutes(5)).until(() -> replies.get() >= WARMUP);

                replies.set(0);
                var start = System.nanoTime();
                post(bots.all(), users, WARMUP + 1, UPDATES);
                await().atMost(Duration.ofMinutes(5)).until(() -> replies.get() >= UPDATES);
                var seconds = (lastReply.get() - start) / 1e9;
                var handled = bots.first().jdbc().queryForObject("select count(*) from inbound_update "
                        + "where status = 'HANDLED'", Integer.class);
                System.out.printf("[benchmark] Webhooks: %d updates from %d chats over %d connections into %d "
                                + "instance(s) on %s%n", UPDATES, CHATS, CONNECTIONS, bots.all().size(),
                        BenchmarkBots.database());
                System.out.printf("[benchmark]   throughput            %,.0f updates/s (first post -> last reply)%n",
                        UPDATES / seconds);
                assertThat(handled).isEqualTo(WARMUP + UPDATES);
                Thread.sleep(500);
                assertThat(replies.get()).isEqualTo(UPDATES);
            }
        }
    }

    /** Update ids from {@code first}; chat i's updates in order on connection i % 16, alternating instances. */
    private void post(List<RunningBot> bots, List<FakeUser> users, int first, int count) {
        var connections = new ArrayList<CompletableFuture<Void>>();
        var pool = Executors.newFixedThreadPool(CONNECTIONS);
        for (int c = 0; c < CONNECTIONS; c++) {
            var connection = c;
            connections.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < count; n++) {
                    if (n % CHATS % CONNECTIONS != connection) {
                        continue;
                    }
                    var updateId = first + n;
                    var user = users.get(n % CHATS);
                    send(bots.get(updateId % bots.size()), "{\"update_id\": " + updateId + ", \"message\": "
                            + "{\"message_id\": " + updateId + ", \"date\": 1700000000, \"chat\": {\"id\": "
                            + user.chatId() + ", \"type\": \"private\", \"first_name\": \"Участник\"}, \"from\": "
                            + "{\"id\": " + user.id() + ", \"is_bot\": false, \"first_name\": \"Участник\", "
                            + "\"language_code\": \"ru\"}, \"text\": \"Сообщение номер " + n + "\"}}");
                }
            }, pool));
        }
        CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
    }

    private void send(RunningBot bot, String update) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + PATH))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            // 503: the instance holds as many unhandled updates as it may; Telegram tries again later, so do we
            while (response.statusCode() == 503) {
                Thread.sleep(100);
                response = http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
