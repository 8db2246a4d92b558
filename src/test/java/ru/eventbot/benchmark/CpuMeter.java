package ru.eventbot.benchmark;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time this JVM spends over a period, in total and by group of threads (named without their numbers): a
 * figure that, unlike throughput, hardly changes when another process shares the cores. What no Java thread
 * accounts for (garbage collection, the JIT compilers, threads that ended meanwhile) is reported as "jvm/other".
 */
final class CpuMeter {

    private final long processStart = processCpuNanos();
    private final Map<Long, Long> threadStart = threadCpu();
    private final long compilingStart = compilingMillis();
    private final long[] collectionsStart = collections();

    static CpuMeter start() {
        return new CpuMeter();
    }

    Usage stop() {
        var total = processCpuNanos() - processStart;
        var groups = new HashMap<String, Long>();
        var threads = ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            var now = threads.getThreadCpuTime(info.getThreadId());
            if (now > 0) {
                var used = now - threadStart.getOrDefault(info.getThreadId(), 0L);
                groups.merge(info.getThreadName().replaceAll("[-_ ]?\\d+", ""), used, Long::sum);
            }
        }
        var accounted = groups.values().stream().mapToLong(Long::longValue).sum();
        groups.put("jvm/other", Math.max(0, total - accounted));
        var collected = collections();
        return new Usage(total, groups, compilingMillis() - compilingStart, collected[0] - collectionsStart[0],
                collected[1] - collectionsStart[1]);
    }

    /** Time the JIT compilers spent compiling (elapsed, summed over the compiler threads). */
    private static long compilingMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /** Garbage collections so far, and the time they took (for a stop-the-world collector: its pauses). */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static Map<Long, Long> threadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        var cpu = new HashMap<Long, Long>();
        for (var id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU nanoseconds: the whole JVM, and by group of threads; and, to explain "jvm/other", the milliseconds the
     * JIT spent compiling and the collections with the milliseconds they took.
     */
    record Usage(long totalNanos, Map<String, Long> groups, long compilingMillis, long collections,
                 long collectingMillis) {

        /** What makes up "jvm/other", as far as the JVM tells. */
        String jvmWork() {
            return String.format("JIT compiling %,d ms; %d collections taking %,d ms", compilingMillis, collections,
                    collectingMillis);
        }

        double microsPerUpdate(long updates) {
            return totalNanos / 1000.0 / updates;
        }

        double fakeMicrosPerUpdate(long updates) {
            return groups.entrySet().stream().filter(g -> g.getKey().startsWith("fake-telegram"))
                    .mapToLong(Map.Entry::getValue).sum() / 1000.0 / updates;
        }

        /** The groups that used at least 1 % of the total, largest first, in microseconds per update. */
        String breakdown(long updates) {
            var sorted = new LinkedHashMap<String, Long>();
            groups.entrySet().stream().filter(g -> g.getValue() * 100 >= totalNanos)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(g -> sorted.put(g.getKey(), g.getValue()));
            return sorted.entrySet().stream()
                    .map(g -> String.format("%s %.0f", g.getKey(), g.getValue() / 1000.0 / updates))
                    .collect(Collectors.joining(", "));
        }
    }
}
