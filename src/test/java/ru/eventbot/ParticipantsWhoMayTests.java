package ru.eventbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParticipantsWhoMayTests {

    @Test
    void includesThoseInTheTableWhenFirstAskedAndThoseAddedSinceAndReadsTheTableOnce() {
        // given: participant 1 is in the table; participant 2 is added before the table is first read
        var reads = new AtomicInteger();
        var may = new ParticipantsWhoMay(() -> {
            reads.incrementAndGet();
            return List.of(1L);
        });
        may.add(2);
        // when / then
        assertThat(may.include(1)).isTrue();
        assertThat(may.include(2)).isTrue();
        assertThat(may.include(3)).isFalse();
        may.add(3);
        assertThat(may.include(3)).isTrue();
        assertThat(reads).hasValue(1);
    }
}
