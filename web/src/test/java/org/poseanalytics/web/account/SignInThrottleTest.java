package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-05T08:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    final ManualClock clock = new ManualClock();
    final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Policy(2, Duration.ofSeconds(1), 5, Duration.ofMinutes(15)),
            new SignInThrottle.Policy(10, Duration.ofSeconds(1), 30, Duration.ofMinutes(15)), clock);

    private Optional<Duration> wait(String user, String address) {
        return throttle.blockedUntil(user, address).map(until -> Duration.between(clock.instant(), until));
    }

    @Test
    void delaysGrowAfterTheFreeFailuresAndTheFifthLocksTheAccountOutForFifteenMinutes() {
        throttle.failed("Anna", "10.0.0.1");
        assertThat(wait("anna", "10.0.0.1")).isEmpty();
        throttle.failed("anna", "10.0.0.1");
        assertThat(wait("anna", "10.0.0.1")).isEmpty();
        throttle.failed("anna", "10.0.0.1");
        assertThat(wait("anna", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("anna", "10.0.0.1");
        assertThat(wait("anna", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed(" ANNA ", "10.0.0.1");
        assertThat(wait("anna", "10.0.0.1")).contains(Duration.ofMinutes(15));
        // The lockout is per account: from anywhere, and whatever the password.
        assertThat(wait("anna", "192.168.1.7")).contains(Duration.ofMinutes(15));
        assertThat(wait("bert", "10.0.0.1")).isEmpty();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(wait("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void anUnknownNameIsThrottledLikeAKnownOne() {
        for (int i = 0; i < 5; i++) throttle.failed("nobody-" + "x", "10.0.0.2");
        assertThat(wait("nobody-x", "10.0.0.9")).contains(Duration.ofMinutes(15));
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedAndThenLockedOut() {
        for (int i = 0; i < 10; i++) throttle.failed("user" + i, "10.0.0.3");
        assertThat(wait("someone-else", "10.0.0.3")).isEmpty();
        throttle.failed("user10", "10.0.0.3");
        assertThat(wait("someone-else", "10.0.0.3")).contains(Duration.ofSeconds(1));
        for (int i = 11; i < 30; i++) throttle.failed("user" + i, "10.0.0.3");
        assertThat(wait("someone-else", "10.0.0.3")).contains(Duration.ofMinutes(15));
        assertThat(wait("someone-else", "10.0.0.4")).isEmpty();
    }

    @Test
    void successClearsTheAccountsFailuresButNotTheAddresses() {
        for (int i = 0; i < 4; i++) throttle.failed("carla", "10.0.0.5");
        assertThat(wait("carla", "10.0.0.5")).isPresent();
        throttle.succeeded("Carla");
        clock.advance(Duration.ofSeconds(10));
        throttle.failed("carla", "10.0.0.5");
        assertThat(wait("carla", "10.0.0.5")).as("counting starts afresh").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dora", "10.0.0.6");
            clock.advance(Duration.ofSeconds(10));
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("dora", "10.0.0.6");
        assertThat(wait("dora", "10.0.0.6")).isEmpty();
    }
}
