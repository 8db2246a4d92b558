package ru.eventbot.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * The ceiling of the benchmark harness itself: TelegramBots' client calling sendMessage on the fake Bot API as fast
 * as 8 threads can, with no bot in between. {@link IntakeBenchmark} cannot be faster than this on the same machine,
 * since every update it measures costs at least one such call.
 */
class FakeTelegramCeilingBenchmark {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.seconds", 10));
    /** Calls made first and not counted, so that the JIT has compiled both sides before anything is measured. */
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("benchmark.warmup.seconds", 15));

    @Test
    void sendMessageCallsPerSecondThroughTheFakeBotApi() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).messageHistoryLimit(4).httpThreads(16)
                .start()) {
            telegram.recordCalls(false);
            var users = IntStream.range(0, 100).mapToObj(i -> telegram.user("Участник" + i, "Потолок").knownToTheBot())
                    .toList();
            var http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES)).build();
            var client = new OkHttpTelegramClient(http, telegram.token(), telegram.telegramUrl());
            var warmupCalls = callFor(client, users, WARMUP);
            var cpu = CpuMeter.start();
            var calls = callFor(client, users, RUN);
            var used = cpu.stop();
            System.out.printf("[benchmark] Harness warm-up (not measured): %,d sendMessage calls in %d s%n",
                    warmupCalls, WARMUP.toSeconds());
            System.out.printf("[benchmark] Harness ceiling: %,d sendMessage calls/s (TelegramBots client -> fake Bot "
                    + "API, 8 threads, nothing else running)%n", calls / RUN.toSeconds());
            System.out.printf("[benchmark] Harness CPU: %.0f us per call, of which the fake's HTTP threads %.0f us "
                    + "(2 cores, nothing else running: at most %,.0f calls/s)%n", used.microsPerUpdate(calls),
                    used.fakeMicrosPerUpdate(calls), 2e6 / used.microsPerUpdate(calls));
            System.out.printf("[benchmark] Harness CPU by thread group: %s (us per call)%n", used.breakdown(calls));
            telegram.assertNoValidationErrors();
        }
    }

    /** Calls sendMessage from 8 threads for {@code period}; returns how many calls were made. */
    private static long callFor(OkHttpTelegramClient client, List<FakeUser> users, Duration period)
            throws InterruptedException {
        var calls = new AtomicLong();
        var end = System.nanoTime() + period.toNanos();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 8; t++) {
            var offset = t * 13;
            var thread = new Thread(() -> {
                var i = offset;
                while (System.nanoTime() < end) {
                    try {
                        client.execute(SendMessage.builder().chatId(users.get(i++ % users.size()).chatId())
                                .text("Спасибо! Сообщение сохранено, организаторы его прочитают.").build());
                        calls.incrementAndGet();
                    } catch (TelegramApiException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        return calls.get();
    }
}
