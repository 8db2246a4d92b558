package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * Soak: 100,000 updates from 1,000 participants while a broadcast goes to all 10,000, the bot in a JVM of its own
 * with {@code -Xmx256m}. Nothing may be lost or doubled (stored updates, incoming messages, replies and copies are
 * counted in the database and at the fake Telegram), and the heap is sampled every 5 s from the bot's own metrics:
 * the long-lived heap after each collection must not keep growing. Run with {@code ./mvnw -Psoak verify};
 * -Dsoak.updates, -Dsoak.users, -Dsoak.recipients, -Dsoak.heap, -Dsoak.rate (the broadcast's rate, 30/s).
 */
class UpdateSoak {

    private static final int UPDATES = Integer.getInteger("soak.updates", 100_000);
    private static final int USERS = Integer.getInteger("soak.users", 1_000);
    private static final int RECIPIENTS = Integer.getInteger("soak.recipients", 10_000);
    private static final String HEAP = System.getProperty("soak.heap", "256m");
    private static final int RATE = Integer.getInteger("soak.rate", 30);
    private static final String TEXT = "Долгая рассылка: приглашаем на форум";

    @Test
    void aHundredThousandUpdatesDuringABroadcastLoseNothingAndTheHeapStaysFlat() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).httpThreads(16).start()) {
            telegram.recordCalls(false);
            try (var bot = ChildBot.start(telegram, RECIPIENTS, 100, HEAP, "--eventbot.broadcast.rate=" + RATE)) {
                var senders = bot.participants().subList(0, USERS);
                var load = new UpdateLoad(telegram, senders);
                var broadcast = bot.api().post("/api/v1/broadcasts", "{\"text\": \"" + TEXT + "\", \"audience\": \"ALL\"}");
                assertThat(broadcast.status()).isEqualTo(202);
                var id = broadcast.json().get("id").asLong();
                var start = System.nanoTime();
                MemorySampler.Sample[] samples;
                try (var sampler = new MemorySampler(bot, 5_000)) {
                    load.run(UPDATES, 2_000, Duration.ofMinutes(60), () -> report("%,d updates sent, %,d messages "
                            + "back, %.0f s", load.sent(), load.messagesBack(), (System.nanoTime() - start) / 1e9));
                    load.awaitMessagesBack(UPDATES, Duration.ofMinutes(10));
                    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                            .until(() -> repliesTo(telegram, senders) >= UPDATES);
                    var loadSeconds = (System.nanoTime() - start) / 1e9;
                    await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> bot.api()
                            .get("/api/v1/broadcasts/" + id).json().get("status").asText().equals("DONE"));
                    report("%,d updates answered in %.0f s (%.0f/s) with the broadcast at %d/s running; broadcast done "
                            + "after %.0f s", UPDATES, loadSeconds, UPDATES / loadSeconds, RATE,
                            (System.nanoTime() - start) / 1e9);
                    samples = sampler.samples().toArray(MemorySampler.Sample[]::new);
                }
                var databaseMb = java.nio.file.Files.size(bot.process().dataDir().resolve("eventbot.mv.db")) >> 20;
                bot.process().terminate();
                report("Database file at the end: %d MB (H2, compacted as it runs)", databaseMb);

                printHeap(samples);
                var copies = new HashMap<Long, AtomicInteger>();
                var replies = 0L;
                for (var participant : bot.participants()) {
                    for (var message : telegram.messagesTo(participant.chatId())) {
                        if (TEXT.equals(message.text())) {
                            copies.computeIfAbsent(participant.id(), k -> new AtomicInteger()).incrementAndGet();
                        } else {
                            replies++;
                        }
                    }
                }
                var stored = bot.process().query(connection -> {
                    var counts = new long[4];
                    var queries = new String[] {
                            "select count(*) from inbound_update where status = 'HANDLED'",
                            "select count(*) from conversation_message where direction = 'IN'",
                            "select count(*) from broadcast_delivery where broadcast_id = " + id + " and status = 'SENT'",
                            "select count(*) from inbound_update"};
                    for (int i = 0; i < queries.length; i++) {
                        try (var rows = connection.createStatement().executeQuery(queries[i])) {
                            rows.next();
                            counts[i] = rows.getLong(1);
                        }
                    }
                    return counts;
                });
                report("Stored: %,d updates (%,d handled), %,d messages in; replies received %,d; broadcast copies "
                        + "SENT %,d, recipients with one copy %,d, with more %,d", stored[3], stored[0], stored[1],
                        replies, stored[2], copies.values().stream().filter(c -> c.get() == 1).count(),
                        copies.values().stream().filter(c -> c.get() > 1).count());

                assertThat(stored[3]).as("updates stored").isEqualTo(UPDATES);
                assertThat(stored[0]).as("updates handled").isEqualTo(UPDATES);
                assertThat(stored[1]).as("incoming messages stored").isEqualTo(UPDATES);
                assertThat(replies).as("replies received").isEqualTo(UPDATES);
                assertThat(stored[2]).as("copies sent").isEqualTo(RECIPIENTS);
                assertThat(copies).hasSize(RECIPIENTS).allSatisfy((who, count) -> assertThat(count.get()).isOne());
            }
        }
    }

    private static long repliesTo(FakeTelegram telegram, java.util.List<ru.eventbot.testsupport.telegram.FakeUser> senders) {
        return senders.stream().mapToLong(user -> telegram.messagesTo(user.chatId()).stream()
                .filter(message -> !TEXT.equals(message.text())).count()).sum();
    }

    /** The heap over the run, every 30 s, and the long-lived heap after GC over the first and the last third. */
    private static void printHeap(MemorySampler.Sample[] samples) {
        report("  time   resident   heap used   live after GC   updates handled");
        var next = 0.0;
        for (var sample : samples) {
            if (sample.seconds() >= next) {
                report("%5.0f s  %6.0f MB  %7.0f MB  %9.0f MB  %,12.0f", sample.seconds(), sample.residentMb(),
                        sample.heapUsedMb(), sample.liveAfterGcMb(), sample.handled());
                next = sample.seconds() + 30;
            }
        }
        var third = Math.max(1, samples.length / 3);
        var first = java.util.Arrays.stream(samples, 0, third).mapToDouble(MemorySampler.Sample::liveAfterGcMb);
        var last = java.util.Arrays.stream(samples, samples.length - third, samples.length)
                .mapToDouble(MemorySampler.Sample::liveAfterGcMb).summaryStatistics();
        var firstStats = first.summaryStatistics();
        report("Live heap after GC: first third avg %.0f MB (max %.0f), last third avg %.0f MB (max %.0f); "
                + "resident max %.0f MB", firstStats.getAverage(), firstStats.getMax(), last.getAverage(),
                last.getMax(), java.util.Arrays.stream(samples).mapToDouble(MemorySampler.Sample::residentMb).max()
                        .orElse(0));
    }

    private static void report(String format, Object... args) {
        System.out.printf("[soak] " + format + "%n", args);
    }
}
