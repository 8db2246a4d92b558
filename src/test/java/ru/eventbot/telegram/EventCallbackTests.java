package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventCallbackTests {

    @Test
    void readsBackTheDataItWrites() {
        for (var action : EventCallback.Action.values()) {
            var data = EventCallback.data(action, 42);
            assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
            assertThat(EventCallback.parse(data)).contains(new EventCallback(action, 42));
        }
    }

    @Test
    void treatsForgedOrForeignDataAsNoPressOfItsOwn() {
        assertThat(EventCallback.parse(null)).isEmpty();
        assertThat(EventCallback.parse("ev:like:")).isEmpty();
        assertThat(EventCallback.parse("ev:like:-1")).isEmpty();
        assertThat(EventCallback.parse("ev:steal:1")).isEmpty();
        assertThat(EventCallback.parse("ev:like:1' or 1=1")).isEmpty();
        assertThat(EventCallback.parse("ev:like:99999999999999999999")).isEmpty();
        assertThat(EventCallback.parse("an:send")).isEmpty();
    }
}
