package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.e2e.Subscribers;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeTelegramListener;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * The broadcaster's pace through the fake Bot API over HTTP: the rate it achieves against the configured one,
 * and, during a 1,000-per-second paid broadcast, how fast participants' own messages are still answered. Asserts
 * only that every recipient got one copy; the figures are for people (docs/benchmarks.md). Run with
 * {@code ./mvnw -Pbenchmark verify -Dtest=BroadcastBenchmark}.
 */
class BroadcastBenchmark {

    @Test
    void aThousandRecipientsAtThirtyPerSecond() {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).start()) {
            telegram.recordCalls(false);
            var copies = new CopyClock();
            telegram.addListener(copies);
            var bots = BenchmarkBots.start(telegram, Map.of(
                    "logging.level.ru.eventbot", "WARN", "eventbot.broadcast.rate", "30"), i -> Map.of());
            var bot = bots.first();
            try {
                var recipients = subscribers(telegram, bot, 1_000);
                copies.watch(recipients);
                var id = broadcast(bot, false);
                awaitDone(bot, id, Duration.ofMinutes(3));
                report("Broadcast of 1,000 at EVENTBOT_BROADCAST_RATE=30 (%s, %d instance(s))", BenchmarkBots.database(),
                        bots.all().size());
                report("  achieved rate         %.2f messages/s (first copy -> last copy)", copies.rate());
                report("  slowest 10-s window   %.2f messages/s", copies.slowestWindowRate(Duration.ofSeconds(10)));
                report("  busiest 1-s window    %d messages", copies.busiestSecond());
                assertThat(copies.count()).isEqualTo(1_000);
                assertThat(copies.duplicates()).isZero();
            } finally {
                bots.close();
            }
        }
    }

    @Test
    void tenThousandRecipientsAtAThousandPerSecondWhileParticipantsTalk() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).httpThreads(16).start()) {
            telegram.recordCalls(false);
            var copies = new CopyClock();
            var bots = BenchmarkBots.start(telegram, Map.of(
                    "logging.level.ru.eventbot", "WARN", "eventbot.broadcast.paid-rate", "1000"), i -> Map.of());
            var bot = bots.first();
            try {
                var recipients = subscribers(telegram, bot, 10_000);
                // warm-up, not measured: a first paid broadcast to everyone, so that the JIT has compiled the sending
                // path as in a bot that has been running (without it the first five seconds measure the compiler)
                awaitDone(bot, broadcast(bot, true), Duration.ofMinutes(3));
                telegram.addListener(copies);
                copies.watch(recipients);
                var talkers = new ArrayList<FakeUser>();
                for (int i = 0; i < 100; i++) {
                    talkers.add(telegram.user("Собеседник" + i, "Активный"));
                }
                copies.measureReplies(talkers);
                var id = broadcast(bot, true);
                // participants keep writing, 50 messages per second, while the broadcast goes out; its progress is
                // asked for twice a second, as the dashboard's progress bar does (each is a count over its copies)
                var offered = 0;
                var next = System.nanoTime();
                while ((offered % 25 != 0 || !isDone(bot, id)) && offered < 100_000) {
                    talkers.get(offered % talkers.size()).sends("Вопрос во время рассылки " + offered);
                    offered++;
                    next += TimeUnit.MILLISECONDS.toNanos(20);
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                }
                awaitDone(bot, id, Duration.ofMinutes(3));
                var total = offered;
                await().atMost(Duration.ofSeconds(60)).until(() -> copies.replies() >= total);
                report("Paid broadcast of 10,000 at 1,000/s, with %d participant messages at 50/s meanwhile (%s, %d "
                        + "instance(s))", offered, BenchmarkBots.database(), bots.all().size());
                report("  achieved rate         %.0f messages/s (first copy -> last copy)", copies.rate());
                report("  slowest 1-s window    %.0f messages/s", copies.slowestWindowRate(Duration.ofSeconds(1)));
                report("  busiest 1-s window    %d messages", copies.busiestSecond());
                report("  copies per second     %s", copies.perSecond());
                report("  update -> reply       p50 %.1f ms / p99 %.1f ms during the broadcast",
                        copies.replyPercentileMillis(50), copies.replyPercentileMillis(99));
                assertThat(copies.count()).isEqualTo(10_000);
                assertThat(copies.duplicates()).isZero();
            } finally {
                bots.close();
            }
        }
    }

    private static List<FakeUser> subscribers(FakeTelegram telegram, RunningBot bot, int count) {
        return Subscribers.storedAtOnce(telegram, bot, count, "Получатель", 5_000_000L);
    }

    private static long broadcast(RunningBot bot, boolean paid) {
        var response = bot.post("/api/v1/broadcasts", "{\"text\":\"Нагрузочная рассылка\",\"paidBroadcast\":" + paid + "}");
        assertThat(response.status()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private static boolean isDone(RunningBot bot, long id) {
        return bot.get("/api/v1/broadcasts/" + id).json().get("status").asText().equals("DONE");
    }

    private static void awaitDone(RunningBot bot, long id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> isDone(bot, id));
    }

    private static void report(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    /** When each recipient's copy arrived, and how long participants waited for their replies meanwhile. */
    static final class CopyClock implements FakeTelegramListener {

        private final Set<Long> recipients = ConcurrentHashMap.newKeySet();
        private final Set<Long> talkers = ConcurrentHashMap.newKeySet();
        private final Map<Long, Boolean> received = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> copyTimes = new ConcurrentLinkedQueue<>();
        private final Map<Long, ConcurrentLinkedQueue<Long>> served = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> replyLatencies = new ConcurrentLinkedQueue<>();
        private volatile int duplicates;

        void watch(List<FakeUser> users) {
            users.forEach(user -> recipients.add(user.chatId()));
        }

        void measureReplies(List<FakeUser> users) {
            users.forEach(user -> talkers.add(user.chatId()));
        }

        @Override
        public void onUpdateServed(long updateId, long chatId, long nanoTime) {
            if (talkers.contains(chatId)) {
                served.computeIfAbsent(chatId, id -> new ConcurrentLinkedQueue<>()).add(nanoTime);
            }
        }

        @Override
        public void onBotMessage(long chatId, int messageId, long nanoTime) {
            if (recipients.contains(chatId)) {
                if (received.putIfAbsent(chatId, true) != null) {
                    duplicates++;
                }
                copyTimes.add(nanoTime);
            } else if (talkers.contains(chatId)) {
                var queue = served.get(chatId);
                var at = queue == null ? null : queue.poll();
                if (at != null) {
                    replyLatencies.add(nanoTime - at);
                }
            }
        }

        int count() {
            return received.size();
        }

        int duplicates() {
            return duplicates;
        }

        int replies() {
            return replyLatencies.size();
        }

        double rate() {
            var times = sorted();
            return (times.length - 1) / ((times[times.length - 1] - times[0]) / 1e9);
        }

        double slowestWindowRate(Duration window) {
            var times = sorted();
            var span = window.toNanos();
            var slowest = Double.MAX_VALUE;
            var first = 0;
            for (long start = times[0]; start + span <= times[times.length - 1]; start += span / 4) {
                while (times[first] < start) {
                    first++;
                }
                var last = first;
                while (last < times.length && times[last] < start + span) {
                    last++;
                }
                slowest = Math.min(slowest, (last - first) / (span / 1e9));
            }
            return slowest == Double.MAX_VALUE ? rate() : slowest;
        }

        /** Copies received in each second from the first, to see stalls. */
        String perSecond() {
            var times = sorted();
            var counts = new int[(int) ((times[times.length - 1] - times[0]) / 1_000_000_000L) + 1];
            for (var time : times) {
                counts[(int) ((time - times[0]) / 1_000_000_000L)]++;
            }
            return Arrays.toString(counts);
        }

        int busiestSecond() {
            var times = sorted();
            var busiest = 0;
            var first = 0;
            for (int last = 0; last < times.length; last++) {
                while (times[last] - times[first] >= 1_000_000_000L) {
                    first++;
                }
                busiest = Math.max(busiest, last - first + 1);
            }
            return busiest;
        }

        double replyPercentileMillis(int percentile) {
            var latencies = replyLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[Math.min(latencies.length - 1, latencies.length * percentile / 100)] / 1e6;
        }

        private long[] sorted() {
            var times = copyTimes.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(times);
            return times;
        }
    }
}
