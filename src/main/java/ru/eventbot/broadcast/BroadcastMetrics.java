package ru.eventbot.broadcast;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.CachedGaugeValue;

/**
 * {@code eventbot_broadcast_deliveries{state="pending|sending|sent|failed|blocked|uncertain|cancelled"}}: the
 * copies of all broadcasts by state, counted in the database at most every 15 seconds.
 */
@Component
class BroadcastMetrics implements MeterBinder {

    private final CachedGaugeValue<Map<DeliveryState, Long>> counts;

    BroadcastMetrics(JdbcTemplate jdbc) {
        this.counts = new CachedGaugeValue<>(() -> {
            var byState = new EnumMap<DeliveryState, Long>(DeliveryState.class);
            jdbc.query("select status, count(*) from broadcast_delivery group by status",
                    rs -> {
                        byState.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            return byState;
        }, Duration.ofSeconds(15), Map.of());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var state : DeliveryState.values()) {
            Gauge.builder("eventbot.broadcast.deliveries", counts, cached -> cached.get().getOrDefault(state, 0L))
                    .description("Broadcast copies by state (all broadcasts), refreshed at most every 15 s")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }
}
