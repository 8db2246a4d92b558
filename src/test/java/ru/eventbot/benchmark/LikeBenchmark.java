package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeTelegramListener;
import ru.eventbot.testsupport.telegram.ReceivedMessage;

/**
 * 10,000 presses of 👍 from 1,000 participants through the fake Bot API and the whole bot: toggles per second and
 * the latency from the press being served to its answer (answerCallbackQuery). Asserts only that the final count
 * equals the likes stored and the presses' parity. Run with {@code ./mvnw -Pbenchmark verify -Dtest=LikeBenchmark}.
 */
class LikeBenchmark {

    private static final int PARTICIPANTS = 1_000;

    @Test
    void tenThousandLikeToggles() {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).httpThreads(16).start()) {
            telegram.recordCalls(false);
            var bot = RunningBot.start(telegram.baseUrl(), telegram.token(), Map.of("logging.level.ru.eventbot", "WARN"));
            try {
                var start = OffsetDateTime.now().plusDays(1);
                var created = bot.post("/api/v1/events", "{\"title\":\"Нагрузка лайками\",\"startsAt\":\"" + start
                        + "\",\"endsAt\":\"" + start.plusHours(2) + "\"}");
                var id = created.json().get("id").asLong();
                var cards = new ArrayList<ReceivedMessage>();
                var users = new ArrayList<ru.eventbot.testsupport.telegram.FakeUser>();
                for (int i = 0; i < PARTICIPANTS; i++) {
                    var user = telegram.user("Участник" + i, "Лайков");
                    user.sends("/start event_" + id);
                    users.add(user);
                }
                users.forEach(user -> cards.add(user.awaitMessages(3).get(2)));
                var clock = new AnswerClock();
                telegram.addListener(clock);
                // half the participants press 9 times, half 11: 10,000 presses, and every one ends liking it
                var presses = 0;
                for (int round = 0; round < 11; round++) {
                    for (int i = 0; i < PARTICIPANTS; i++) {
                        if (round < 9 || i % 2 == 1) {
                            var pressed = telegram.userPressesButton(users.get(i), cards.get(i).messageId(),
                                    "ev:like:" + id);
                            clock.expect(pressed.updateId(), pressed.callbackQueryId());
                            presses++;
                        }
                    }
                }
                var total = presses;
                await().atMost(Duration.ofMinutes(5)).until(() -> clock.answered() >= total);
                var stored = bot.jdbc().queryForObject("select count(*) from event_like where event_id = ?",
                        Integer.class, id);
                var reported = bot.get("/api/v1/events/" + id + "/feedback").json().get("likes").asInt();
                report("10,000 like toggles from 1,000 participants (%d presses)", total);
                report("  throughput            %,.0f toggles/s (first press served -> last answer)", clock.perSecond());
                report("  press -> answer       p50 %.1f ms / p99 %.1f ms", clock.percentileMillis(50),
                        clock.percentileMillis(99));
                report("  final count           %d (API) = %d (rows); expected %d", reported, stored, PARTICIPANTS);
                assertThat(stored).isEqualTo(PARTICIPANTS);
                assertThat(reported).isEqualTo(stored);
            } finally {
                bot.close();
            }
        }
    }

    private static void report(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    /** Pairs each press (by update id) with its answer (by callback query id), whichever is known first. */
    static final class AnswerClock implements FakeTelegramListener {

        private final Map<Long, Long> servedAt = new ConcurrentHashMap<>();
        private final Map<String, Long> updateOf = new ConcurrentHashMap<>();
        private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong();

        synchronized void expect(long updateId, String callbackQueryId) {
            updateOf.put(callbackQueryId, updateId);
            var answered = answeredAt.remove(callbackQueryId);
            if (answered != null) {
                pair(updateId, answered);
            }
        }

        @Override
        public void onUpdateServed(long updateId, long chatId, long nanoTime) {
            servedAt.put(updateId, nanoTime);
        }

        @Override
        public synchronized void onCallbackAnswered(String callbackQueryId, long nanoTime) {
            var updateId = updateOf.remove(callbackQueryId);
            if (updateId == null) {
                answeredAt.put(callbackQueryId, nanoTime);
            } else {
                pair(updateId, nanoTime);
            }
        }

        private void pair(long updateId, long answered) {
            var served = servedAt.remove(updateId);
            if (served != null) {
                latencies.add(answered - served);
                first.accumulateAndGet(served, Math::min);
                last.accumulateAndGet(answered, Math::max);
            }
        }

        int answered() {
            return latencies.size();
        }

        double perSecond() {
            return latencies.size() / ((last.get() - first.get()) / 1e9);
        }

        double percentileMillis(int percentile) {
            var sorted = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
        }
    }
}
