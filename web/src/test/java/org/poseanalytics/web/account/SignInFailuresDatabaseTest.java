package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in counts in PostgreSQL (issue 15, V36): the same rules as in memory, kept across a restart and shared by every
 * web node of one database, and stored without the typed name or the address in the clear. That the app's throttle
 * counts there: {@link SignInStoreTest}.
 */
class SignInFailuresDatabaseTest extends DatabaseTest {
    static final SignInThrottle.Policy ACCOUNT = new SignInThrottle.Policy(2, Duration.ofSeconds(1), 5, Duration.ofMinutes(15));
    static final SignInThrottle.Policy ADDRESS = new SignInThrottle.Policy(10, Duration.ofSeconds(1), 30, Duration.ofMinutes(15));

    @Autowired JdbcClient jdbc;

    final SignInThrottleTest.ManualClock clock = new SignInThrottleTest.ManualClock();
    final String user = "user-" + UUID.randomUUID();
    final String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    private SignInThrottle node() { return new SignInThrottle(ACCOUNT, ADDRESS, clock, new DatabaseSignInFailures(jdbc)); }

    private Optional<Duration> wait(SignInThrottle t, String name, String from) {
        return t.blockedUntil(name, from).map(until -> Duration.between(clock.instant(), until));
    }

    @Test
    void theDatabaseCountsByTheSameRulesAsMemory() {
        SignInThrottle memory = new SignInThrottle(ACCOUNT, ADDRESS, clock), database = node();
        List<Optional<Duration>> inMemory = new ArrayList<>(), inDatabase = new ArrayList<>();
        // failures with growing delays, a lockout, the lockout served, a quiet period that forgets, a success that clears
        String[] script = {"fail", "fail", "fail", "wait 1", "fail", "wait 2", "fail", "wait 900", "fail", "fail", "wait 1000",
                "fail", "fail", "fail", "ok", "fail"};
        for (String step : script) {
            for (SignInThrottle t : List.of(memory, database)) {
                if (step.equals("fail")) t.failed(user, address);
                if (step.equals("ok")) t.succeeded(user);
            }
            if (step.startsWith("wait ")) clock.advance(Duration.ofSeconds(Long.parseLong(step.substring(5))));
            inMemory.add(wait(memory, user, address));
            inDatabase.add(wait(database, user, address));
        }
        assertThat(inDatabase).isEqualTo(inMemory);
        assertThat(inMemory).contains(Optional.of(Duration.ofMinutes(15)), Optional.of(Duration.ofSeconds(2)));
    }

    @Test
    void aLockoutHoldsOnEveryNodeAndAfterARestart() {
        SignInThrottle nodeA = node();
        for (int i = 0; i < 5; i++) nodeA.failed(user, address);
        assertThat(wait(nodeA, user, address)).contains(Duration.ofMinutes(15));

        SignInThrottle nodeB = node(); // another web node, or this one after a restart
        assertThat(wait(nodeB, user, "192.0.2.1")).as("the account is locked from any address").contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(wait(nodeB, user, address)).isEmpty();

        nodeB.failed(user, address);
        nodeB.failed(user, address);
        nodeA.failed(user, address);
        assertThat(wait(nodeB, user, address)).as("failures on both nodes count together").contains(Duration.ofSeconds(1));
        nodeB.succeeded(user);
        assertThat(wait(nodeA, user, "192.0.2.1")).as("a success on one node clears the account on all").isEmpty();
    }

    @Test
    void neitherTheTypedNameNorTheAddressIsStoredInTheClear() {
        node().failed(user, address);
        List<String> keys = jdbc.sql("select kind || ' ' || key_hash from sign_in_failure").query(String.class).list();
        assertThat(keys).contains("account " + DatabaseSignInFailures.hash(user.toLowerCase()), "address " + DatabaseSignInFailures.hash(address));
        assertThat(String.join(" ", keys)).doesNotContain(user).doesNotContain(address);
    }
}
