package org.poseanalytics.web.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login through the Vaadin login view, throttled and audited ({@link ThrottledAuthenticationProvider}); CSRF
 * and logout as Vaadin configures them; media endpoints need a signed-in user (the clinic check happens in the
 * services); roles are checked again on every service method; every request re-reads its account
 * ({@link AccountSessionFilter}); every response carries a Content-Security-Policy, Referrer-Policy and
 * Permissions-Policy. Referrers stay within the app: its URLs name subjects' and videos' ids.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {
    /** HTTP security only where there is a web server: a worker node (profile "worker") serves no HTTP at all. */
    @Configuration
    @ConditionalOnWebApplication
    @EnableWebSecurity
    static class Web {
        /**
         * What pages may load and run. Vaadin Flow starts its client engine with an inline script and runs the
         * expressions the server sends as constructed functions, hence 'unsafe-inline' and 'unsafe-eval' for scripts
         * (its documented minimum) and 'unsafe-inline' for styles; everything else comes from this origin only: the
         * videos and thumbnails (/media), the charts' bundle, and push, whose websocket 'self' covers (CSP level 3). No
         * plugins, no foreign forms or base URLs, and no framing (the same as X-Frame-Options: DENY).
         */
        static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
                + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        /** Health data has no use for the camera, microphone or location; a page that asks would be someone else's code. */
        static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcClient jdbc,
                                                @Value("${pose.session.max-lifetime:12h}") Duration maxLifetime) throws Exception {
            http.authorizeHttpRequests(auth -> auth.requestMatchers("/media/**", "/api/**").authenticated());
            http.headers(headers -> headers
                    .frameOptions(frame -> frame.deny())
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
            http.addFilterAfter(new AccountSessionFilter(jdbc, maxLifetime, Clock.systemUTC()), SecurityContextHolderFilter.class);
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
            return http.build();
        }

        @Bean
        SignInThrottle signInThrottle(
                @Value("${pose.sign-in.free-failures:2}") int freeFailures,
                @Value("${pose.sign-in.first-delay:1s}") Duration firstDelay,
                @Value("${pose.sign-in.lockout-failures:5}") int lockoutFailures,
                @Value("${pose.sign-in.lockout:15m}") Duration lockout,
                @Value("${pose.sign-in.address-free-failures:10}") int addressFreeFailures,
                @Value("${pose.sign-in.address-lockout-failures:30}") int addressLockoutFailures) {
            return new SignInThrottle(new SignInThrottle.Policy(freeFailures, firstDelay, lockoutFailures, lockout),
                    new SignInThrottle.Policy(addressFreeFailures, firstDelay, addressLockoutFailures, lockout), Clock.systemUTC());
        }

        /** The only authentication provider: Spring Security then builds no plain one from the UserDetailsService. */
        @Bean
        AuthenticationProvider throttledAuthenticationProvider(AccountDetailsService users, PasswordEncoder encoder,
                                                               SignInThrottle throttle, JdbcClient jdbc,
                                                               ApplicationEventPublisher events) {
            return new ThrottledAuthenticationProvider(users, encoder, throttle, jdbc, events);
        }
    }

    /** bcrypt today, stored with an {id} prefix so the algorithm can change without locking anyone out. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
