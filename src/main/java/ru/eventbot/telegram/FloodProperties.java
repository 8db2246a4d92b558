package ru.eventbot.telegram;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How much one participant may send: {@code messages} updates in {@code period}, then a pause (see FloodGuard). */
@ConfigurationProperties("eventbot.flood")
record FloodProperties(@DefaultValue("20") int messages, @DefaultValue("10s") Duration period) {
}
