package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.eventbot.e2e.RunningBot;
import ru.eventbot.testsupport.telegram.FakeTelegram;
import ru.eventbot.testsupport.telegram.FakeTelegramListener;
import ru.eventbot.testsupport.telegram.FakeUser;

/**
 * Pushes text updates from many chats through the fake Bot API over HTTP and the whole bot (durable intake,
 * handling, stored conversation, reply through the gateway), and prints throughput and latency. It asserts only
 * that nothing was lost or doubled; the figures are for people (docs/benchmarks.md). Run with
 * {@code ./mvnw -Pbenchmark verify}; sizes can be changed with -Dbenchmark.updates, -Dbenchmark.chats,
 * -Dbenchmark.rate, -Dbenchmark.seconds, -Dbenchmark.warmup.updates and -Dbenchmark.warmup.rounds (the warm-up:
 * rounds of that many updates until the JIT compiles for less than 15 % of two rounds in a row, at most that many
 * rounds; handled first, not measured, but checked like the rest). -Dbenchmark.jfr=file.jfr records the burst alone with
 * Flight Recorder's profiling settings.
 */
class IntakeBenchmark {

    private static final int UPDATES = Integer.getInteger("benchmark.updates", 20_000);
    private static final int CHATS = Integer.getInteger("benchmark.chats", 1_000);
    private static final int STEADY_RATE = Integer.getInteger("benchmark.rate", 1_000);
    private static final int STEADY_SECONDS = Integer.getInteger("benchmark.seconds", 15);
    private static final int WARMUP_ROUND = Integer.getInteger("benchmark.warmup.updates", 10_000);
    private static final int WARMUP_MAX_ROUNDS = Integer.getInteger("benchmark.warmup.rounds", 20);
    /** The JIT counts as settled once it compiles for less than this share of a warm-up round's time. */
    private static final double SETTLED_COMPILING_SHARE = 0.15;

    @Test
    void throughputAndLatencyOfTheDurableIntake() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).messageHistoryLimit(4).httpThreads(16)
                .start()) {
            telegram.recordCalls(false);
            var clock = new ReplyClock();
            telegram.addListener(clock);
            // Telegram's user ids are arbitrary numbers, so the lane a chat falls in (by id) is as good as random and
            // an answer's updates do not split evenly between the lanes; sequential ids would split them exactly.
            var ids = new Random(2026).longs(100_000_000L, 8_000_000_000L).distinct().limit(CHATS).toArray();
            var users = IntStream.range(0, CHATS)
                    .mapToObj(i -> telegram.user(ids[i], "Участник" + i, "Нагрузочный")).toList();

            // Warm-up, not measured: the JIT compiles the hot path (earlier 10-second runs measured mostly that).
            sendWarmUp(users, 0);
            var startedAt = System.nanoTime();
            // a benchmark floods the bot by design: no flood control
            var settings = new java.util.HashMap<String, Object>(Map.of("logging.level.ru.eventbot", "WARN",
                    "eventbot.flood.messages", "1000000"));
            // e.g. -Dbenchmark.property=eventbot.telegram.handler-lanes=16 to compare settings
            var extra = System.getProperty("benchmark.property");
            if (extra != null && extra.contains("=")) {
                settings.put(extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
            }
            var bot = RunningBot.start(telegram.baseUrl(), telegram.token(), settings);
            try {
                clock.awaitReplies(WARMUP_ROUND, Duration.ofMinutes(5));
                var warmup = clock.summary();
                var firstPollMillis = (clock.firstServed.get() - startedAt) / 1_000_000;
                // More rounds until the JIT has settled: on two cores its one C2 thread compiles for minutes.
                var warmUpRounds = new ArrayList<String>();
                var warmedUp = WARMUP_ROUND;
                var quietRounds = 0;
                for (int round = 2; round <= WARMUP_MAX_ROUNDS; round++) {
                    clock.reset();
                    var jit = CpuMeter.start();
                    var roundStart = System.nanoTime();
                    // the burst's own shape: all waiting at Telegram, full answers (see "Burst" below)
                    telegram.holdUpdates();
                    sendWarmUp(users, warmedUp);
                    telegram.releaseUpdates();
                    clock.awaitReplies(WARMUP_ROUND, Duration.ofMinutes(5));
                    var compilingShare = jit.stop().compilingMillis() / ((System.nanoTime() - roundStart) / 1e6);
                    warmedUp += WARMUP_ROUND;
                    warmUpRounds.add(String.format("%.0f %%", compilingShare * 100));
                    // two quiet rounds in a row: one alone (3 %) was once followed by 9.4 s of compiling in the burst
                    quietRounds = compilingShare < SETTLED_COMPILING_SHARE ? quietRounds + 1 : 0;
                    if (quietRounds == 2) {
                        break;
                    }
                }

                // Burst: everything is waiting at Telegram before the bot may take any of it.
                telegram.holdUpdates();
                clock.reset();
                for (int i = 0; i < UPDATES; i++) {
                    users.get(i % CHATS).sends("Сообщение номер " + i);
                }
                // The 20,000 updates waiting are Telegram's memory, not the bot's: collected now, they leave the
                // young generation, so that the burst's collections copy the bot's objects and not the fake's queue
                // (they took 580-650 ms of each burst, 190 ms a collection).
                System.gc();
                var recording = BurstRecording.startIfAsked();
                var cpu = CpuMeter.start();
                telegram.releaseUpdates();
                clock.awaitReplies(UPDATES, Duration.ofMinutes(5));
                var burstCpu = cpu.stop();
                recording.stop();
                var burst = clock.summary();

                // Steady load: a fixed offered rate, latency measured from update served to reply received. The
                // same load first runs as long unmeasured: small batches take paths the warm-up's large ones did
                // not, and the JIT compiled for a third of the steady phase's time without this.
                var steadyUpdates = STEADY_RATE * STEADY_SECONDS;
                clock.reset();
                offerAtFixedRate(users, steadyUpdates);
                clock.awaitReplies(steadyUpdates, Duration.ofMinutes(3));
                clock.reset();
                var steadyCpu = CpuMeter.start();
                offerAtFixedRate(users, steadyUpdates);
                clock.awaitReplies(steadyUpdates, Duration.ofMinutes(3));
                var steadyUsed = steadyCpu.stop();
                var steady = clock.summary();

                var total = warmedUp + UPDATES + 2 * steadyUpdates;
                var stored = bot.jdbc().queryForObject("select count(*) from inbound_update where status = 'HANDLED'",
                        Integer.class);
                // A reply reaches Telegram a moment before its outcome is recorded.
                var sent = 0;
                for (var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); ; Thread.sleep(50)) {
                    sent = bot.jdbc().queryForObject("select count(*) from conversation_message "
                            + "where direction = 'OUT' and delivery_status = 'SENT'", Integer.class);
                    if (sent >= total || System.nanoTime() > deadline) {
                        break;
                    }
                }
                var received = bot.jdbc().queryForObject("select count(*) from conversation_message "
                        + "where direction = 'IN'", Integer.class);
                System.gc();
                var heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);

                report("Warm-up (not measured): %d updates in rounds of %d, the first at %,.0f updates/s from the "
                        + "first served; share of time the JIT compiled in the later rounds: %s", warmedUp,
                        WARMUP_ROUND, warmup.perSecond(), warmUpRounds.isEmpty() ? "-" : String.join(", ", warmUpRounds));
                report("Burst: %d updates from %d chats waiting at Telegram", UPDATES, CHATS);
                report("  throughput            %,.0f updates/s (first update served -> last reply received)",
                        burst.perSecond());
                report("  latency p50 / p99     %d ms / %d ms (served -> reply, includes queueing)",
                        burst.p50Millis(), burst.p99Millis());
                report("  CPU of this JVM       %.0f us per update, of which the fake Telegram's HTTP threads %.0f us "
                        + "(2 cores, nothing else running: at most %,.0f updates/s)", burstCpu.microsPerUpdate(UPDATES),
                        burstCpu.fakeMicrosPerUpdate(UPDATES), 2e6 / burstCpu.microsPerUpdate(UPDATES));
                report("  CPU by thread group   %s (us per update)", burstCpu.breakdown(UPDATES));
                report("  JVM meanwhile         %s", burstCpu.jvmWork());
                report("Steady: %d updates/s offered for %d s (after as long unmeasured)", STEADY_RATE, STEADY_SECONDS);
                report("  throughput            %,.0f updates/s", steady.perSecond());
                report("  latency p50 / p99     %.1f ms / %.1f ms", steady.p50Micros() / 1000.0,
                        steady.p99Micros() / 1000.0);
                report("  CPU of this JVM       %.0f us per update (%.0f %% of 2 cores); %s",
                        steadyUsed.microsPerUpdate(steadyUpdates),
                        steadyUsed.microsPerUpdate(steadyUpdates) * steady.perSecond() / 2e6 * 100,
                        steadyUsed.jvmWork());
                report("Persisted: %d updates handled, %d messages in, %d replies sent (of %d)", stored, received,
                        sent, total);
                report("Start to first getUpdates answer: %d ms; heap after the run (after GC): %d MB (JVM holds "
                        + "the bot and the fake Telegram)", firstPollMillis, heapMb);
                report("Database file after the run: %d MB (H2, compacted as it runs)",
                        java.nio.file.Files.size(bot.dataDir().resolve("eventbot.mv.db")) >> 20);

                assertThat(stored).isEqualTo(total);
                assertThat(received).isEqualTo(total);
                assertThat(sent).isEqualTo(total);
                assertThat(clock.duplicates.get()).as("replies beyond one per update").isZero();
            } finally {
                bot.close();
            }
        }
    }

    private static void sendWarmUp(List<FakeUser> users, int first) {
        for (int i = first; i < first + WARMUP_ROUND; i++) {
            users.get(i % CHATS).sends("Разогрев " + i);
        }
    }

    private static void offerAtFixedRate(List<FakeUser> users, int count) throws InterruptedException {
        var perTick = Math.max(1, STEADY_RATE / 100); // every 10 ms
        var next = System.nanoTime();
        var offered = 0;
        while (offered < count) {
            for (int i = 0; i < perTick && offered < count; i++, offered++) {
                users.get(offered % users.size()).sends("Ровная нагрузка " + offered);
            }
            next += TimeUnit.MILLISECONDS.toNanos(10);
            var sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
    }

    private static void report(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    /** Pairs each reply with the oldest unanswered update of its chat (one reply per text update, in order). */
    static final class ReplyClock implements FakeTelegramListener {

        final AtomicLong firstServed = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        private final Map<Long, ConcurrentLinkedQueue<Long>> served = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private volatile long periodStart;
        private volatile long lastReply;
        private final AtomicLong replies = new AtomicLong();

        @Override
        public void onUpdateServed(long updateId, long chatId, long nanoTime) {
            firstServed.compareAndSet(0, nanoTime);
            if (periodStart == 0) {
                periodStart = nanoTime;
            }
            served.computeIfAbsent(chatId, id -> new ConcurrentLinkedQueue<>()).add(nanoTime);
        }

        @Override
        public void onBotMessage(long chatId, int messageId, long nanoTime) {
            var queue = served.get(chatId);
            var servedAt = queue == null ? null : queue.poll();
            if (servedAt == null) {
                duplicates.incrementAndGet();
                return;
            }
            latencies.add((nanoTime - servedAt) / 1_000);
            lastReply = nanoTime;
            replies.incrementAndGet();
        }

        void reset() {
            latencies.clear();
            replies.set(0);
            periodStart = 0;
        }

        /** Waits until {@code count} replies arrived since the last reset (some may have before this call). */
        void awaitReplies(int count, Duration timeout) throws InterruptedException {
            var deadline = System.nanoTime() + timeout.toNanos();
            while (replies.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Only " + replies.get() + " of " + count + " replies arrived in "
                            + timeout);
                }
                Thread.sleep(5);
            }
        }

        Summary summary() {
            var values = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(values);
            return new Summary(values, (lastReply - periodStart) / 1e9);
        }
    }

    record Summary(long[] micros, double seconds) {

        double perSecond() {
            return micros.length / seconds;
        }

        long p50Micros() {
            return micros[(int) (micros.length * 0.50)];
        }

        long p99Micros() {
            return micros[Math.min(micros.length - 1, (int) (micros.length * 0.99))];
        }

        long p50Millis() {
            return p50Micros() / 1000;
        }

        long p99Millis() {
            return p99Micros() / 1000;
        }
    }
}
