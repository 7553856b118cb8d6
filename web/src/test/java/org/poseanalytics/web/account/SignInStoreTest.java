package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.AppTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** The app's sign-in throttle keeps its counts in the database by default ({@code pose.sign-in.store=database}). */
class SignInStoreTest extends AppTestBase {
    @Autowired SignInThrottle throttle;

    @Test
    void theAppsThrottleCountsInTheDatabase() {
        String user = "nobody-" + UUID.randomUUID();
        throttle.failed(user, "198.51.100.7");
        assertThat(jdbc.sql("select failures from sign_in_failure where kind = 'account' and key_hash = :h")
                .param("h", DatabaseSignInFailures.hash(user)).query(Integer.class).single()).isEqualTo(1);
        throttle.succeeded(user);
        assertThat(jdbc.sql("select count(*) from sign_in_failure where kind = 'account' and key_hash = :h")
                .param("h", DatabaseSignInFailures.hash(user)).query(Long.class).single()).isZero();
    }
}
