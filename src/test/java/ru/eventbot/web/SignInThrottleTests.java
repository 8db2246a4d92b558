package ru.eventbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(new DashboardProperties(3, 5, Duration.ofMinutes(3), 50));

    @Test
    void aNameMayTryAgainAtOnceUntilItsWrongPasswordsAreUsedUp() {
        // when
        throttle.failed("olga", "10.0.0.1");
        throttle.failed("OLGA ", "10.0.0.2");
        // then
        assertThat(throttle.waitBeforeTrying("olga", "10.0.0.3")).isZero();
        // when
        throttle.failed("olga", "10.0.0.4");
        // then: a token comes back every minute (three in three minutes)
        assertThat(throttle.waitBeforeTrying("olga", "10.0.0.5"))
                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitBeforeTrying("pavel", "10.0.0.5")).isZero();
    }

    @Test
    void anAddressTryingManyNamesIsSlowedDownToo() {
        // when
        for (int i = 0; i < 5; i++) {
            throttle.failed("name" + i, "10.0.0.9");
        }
        // then
        assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.9")).isPositive();
        assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.10")).isZero();
    }

    @Test
    void theRightPasswordGivesTheNameItsTriesBack() {
        // given
        for (int i = 0; i < 3; i++) {
            throttle.failed("olga", "10.0.0." + i);
        }
        // when
        throttle.succeeded("olga");
        // then
        assertThat(throttle.waitBeforeTrying("olga", "10.0.0.99")).isZero();
    }
}
