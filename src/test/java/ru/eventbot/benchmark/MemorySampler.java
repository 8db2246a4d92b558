package ru.eventbot.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a {@link ChildBot}'s resident memory and heap at a fixed period on a thread of its own. */
final class MemorySampler implements AutoCloseable {

    record Sample(double seconds, double residentMb, double heapUsedMb, double liveAfterGcMb, double handled) {
    }

    private final ChildBot bot;
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    MemorySampler(ChildBot bot, long periodMillis) {
        this.bot = bot;
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            var sample = new Sample((System.nanoTime() - start) / 1e9, bot.residentMb(), bot.heapUsedMb(),
                    bot.liveHeapAfterGcMb(), bot.metric("eventbot_updates_handled_total"));
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (RuntimeException e) {
            System.out.println("[benchmark] a memory sample failed: " + e);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    double maxResidentMb() {
        return samples().stream().mapToDouble(Sample::residentMb).max().orElse(0);
    }

    double maxHeapUsedMb() {
        return samples().stream().mapToDouble(Sample::heapUsedMb).max().orElse(0);
    }

    double medianResidentMb() {
        var values = samples().stream().mapToDouble(Sample::residentMb).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
