package ru.eventbot.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.eventbot.testsupport.telegram.FakeTelegram;

/**
 * The bot with 10,000 participants and 100 materials in a JVM of its own with {@code -Xmx256m}: its resident memory
 * (VmRSS) at idle and under the update load, and its heap, as the operating system and the bot's own metrics report
 * them, with a breakdown by Native Memory Tracking. Run with {@code ./mvnw -Pbenchmark verify -Dtest=MemoryBenchmark};
 * -Dbenchmark.memory.updates (30,000), -Dbenchmark.memory.heap (256m).
 */
class MemoryBenchmark {

    private static final int PARTICIPANTS = 10_000;
    private static final int MATERIALS = 100;
    private static final int CHATS = 1_000;
    private static final int UPDATES = Integer.getInteger("benchmark.memory.updates", 30_000);
    private static final String HEAP = System.getProperty("benchmark.memory.heap", "256m");

    @Test
    void residentMemoryAtIdleAndUnderTheUpdateLoad() throws Exception {
        try (var telegram = FakeTelegram.builder().callHistoryLimit(1_000).httpThreads(16).start()) {
            telegram.recordCalls(false);
            var startedAt = System.nanoTime();
            try (var bot = ChildBot.start(telegram, PARTICIPANTS, MATERIALS,
                    List.of("-Xmx" + HEAP, "-XX:NativeMemoryTracking=summary"))) {
                var startSeconds = (System.nanoTime() - startedAt) / 1e9;
                // idle: started, the search index rebuilt for the seeded materials, nothing to do for a while
                bot.awaitIdle(Duration.ofSeconds(20));
                var idleResident = bot.residentMb();
                var idleHeap = bot.heapUsedMb();
                bot.jcmd("GC.run");
                var idleAfterGc = bot.heapUsedMb();
                var idleResidentAfterGc = bot.residentMb();

                var load = new UpdateLoad(telegram, bot.participants().subList(0, CHATS));
                var loadStart = System.nanoTime();
                try (var sampler = new MemorySampler(bot, 500)) {
                    load.run(UPDATES, 2_000, Duration.ofMinutes(15), () -> { });
                    load.awaitMessagesBack(UPDATES, Duration.ofMinutes(5));
                    var loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                    bot.awaitIdle(Duration.ofSeconds(10));
                    var afterResident = bot.residentMb();
                    bot.jcmd("GC.run");
                    var afterGc = bot.heapUsedMb();
                    var nativeMemory = bot.jcmd("VM.native_memory", "summary", "scale=MB");

                    report("Bot JVM -Xmx%s, %,d participants, %,d materials; start to ready %.0f s", HEAP, PARTICIPANTS,
                            MATERIALS, startSeconds);
                    report("Idle (20 s after ready): resident %.0f MB, heap used %.0f MB; after a full GC: heap used "
                            + "%.0f MB, resident %.0f MB", idleResident, idleHeap, idleAfterGc, idleResidentAfterGc);
                    report("Under load: %,d updates from %,d chats (at most 2,000 unanswered), %.0f updates/s",
                            UPDATES, CHATS, UPDATES / loadSeconds);
                    report("  resident median %.0f MB, max %.0f MB; heap used max %.0f MB (%d samples every 0.5 s)",
                            sampler.medianResidentMb(), sampler.maxResidentMb(), sampler.maxHeapUsedMb(),
                            sampler.samples().size());
                    report("10 s after the load: resident %.0f MB; heap used after a full GC %.0f MB", afterResident,
                            afterGc);
                    report("Native memory tracking (committed, MB):%n%s", nativeMemory.lines()
                            .filter(line -> line.contains("committed=") && !line.contains("(mmap") && !line.contains("(malloc")
                                    && !line.contains("(arena"))
                            .map(line -> "[benchmark]   " + line.trim()).collect(java.util.stream.Collectors.joining("\n")));
                }
                assertThat(bot.process().isAlive()).as("the bot survived the load within its heap").isTrue();
                assertThat(load.messagesBack()).isEqualTo(UPDATES);
            }
        }
    }

    private static void report(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }
}
