package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TelegramMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TelegramMetrics metrics = new TelegramMetrics(registry);

    @Test
    void countsEachCallByMethodAndResult() {
        metrics.call("sendmessage", TelegramMetrics.Result.OK);
        metrics.call("sendmessage", TelegramMetrics.Result.OK);
        metrics.call("sendmessage", TelegramMetrics.Result.RATE_LIMITED);
        metrics.call("getupdates", TelegramMetrics.Result.NETWORK);

        assertThat(calls("sendmessage", "ok")).isEqualTo(2);
        assertThat(calls("sendmessage", "429")).isEqualTo(1);
        assertThat(calls("sendmessage", "5xx")).isZero();
        assertThat(calls("getupdates", "network")).isEqualTo(1);
        assertThat(calls("getupdates", "ok")).isZero();
    }

    private double calls(String method, String result) {
        return registry.get("eventbot.telegram.calls").tag("method", method).tag("result", result).counter().count();
    }
}
