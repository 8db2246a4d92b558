package ru.eventbot.material;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.CachedGaugeValue;

/** {@code eventbot_material_requests_waiting}: requests nothing answered yet, counted at most every 15 seconds. */
@Component
class MaterialMetrics implements MeterBinder {

    private final CachedGaugeValue<Long> waiting;

    MaterialMetrics(JdbcTemplate jdbc) {
        this.waiting = new CachedGaugeValue<>(() -> jdbc.queryForObject(
                "select count(*) from material_request where status = 'WAITING'", Long.class), Duration.ofSeconds(15), 0L);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("eventbot.material.requests.waiting", waiting, CachedGaugeValue::get)
                .description("Material requests waiting for a material to be published")
                .register(registry);
    }
}
