package org.poseanalytics.web.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.poseanalytics.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

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
        /** Before every other filter, Spring Security's included: see {@link SecurityHeaders} for why. */
        @Bean
        FilterRegistrationBean<SecurityHeaders> securityHeaders() {
            FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }

        /**
         * The REST API (/api/v1, issue 18): a personal API token ({@link BearerTokenFilter}) or a signed-in session.
         * Nothing here makes a session: a bearer request is authenticated for itself alone and needs no CSRF token (a
         * browser never sends the header on its own); a session's writes keep their CSRF check. Refusals are problem
         * details: 401 with {@code WWW-Authenticate: Bearer} (never a redirect to the sign-in page), 403.
         */
        @Bean
        @Order(1)
        SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JdbcClient jdbc, ApiTokens tokens,
                                                   @Value("${pose.session.max-lifetime:12h}") Duration maxLifetime) throws Exception {
            http.securityMatcher(ApiProblems.API_ROOT + "/**");
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
            http.securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()));
            http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
            http.requestCache(cache -> cache.disable());
            // CSRF guards a session's cookie: a bearer request, or one without a session, has none to ride on (and the
            // latter gets its 401 rather than a CSRF 403)
            http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> BearerTokenFilter.presented(request) || request.getSession(false) == null));
            http.headers(headers -> headers.frameOptions(frame -> frame.disable()).contentTypeOptions(options -> options.disable()));
            http.exceptionHandling(e -> e
                    .authenticationEntryPoint((request, response, ex) -> {
                        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                        ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED,
                                "Sign in, or send a personal API token as “Authorization: Bearer …” (made on your profile page).");
                    })
                    .accessDeniedHandler((request, response, ex) -> ApiProblems.write(request, response, HttpStatus.FORBIDDEN,
                            "This request was refused: a missing or stale CSRF token on a signed-in session's change.")));
            AccountSessionFilter sessions = new AccountSessionFilter(jdbc, maxLifetime, Clock.systemUTC());
            http.addFilterAfter(sessions, SecurityContextHolderFilter.class);
            // after session management: a bearer request is authenticated for itself only, and must not look to it like a
            // sign-in (whose CSRF strategy would start a session to keep a new token in)
            http.addFilterAfter(new BearerTokenFilter(tokens), SessionManagementFilter.class);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcClient jdbc,
                                                @Value("${pose.session.max-lifetime:12h}") Duration maxLifetime) throws Exception {
            http.authorizeHttpRequests(auth -> auth.requestMatchers("/media/**", "/api/**", "/swagger-ui/**").authenticated()
                    // a patient's shared link (issue 19): exactly one path segment under /share, the page checks the token
                    .requestMatchers("/share/*").permitAll());
            // SecurityHeaders sets these on every response; Spring Security's writers would only add a second copy
            http.headers(headers -> headers.frameOptions(frame -> frame.disable()).contentTypeOptions(options -> options.disable()));
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
                @Value("${pose.sign-in.address-lockout-failures:30}") int addressLockoutFailures,
                @Value("${pose.sign-in.store:database}") String store, JdbcClient jdbc) {
            // in the database unless told otherwise: a restart forgets nothing, every web node counts the same
            SignInFailures failures = switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "database" -> new DatabaseSignInFailures(jdbc);
                case "memory" -> new MemorySignInFailures();
                default -> throw new IllegalStateException("pose.sign-in.store (POSE_SIGNIN_STORE) is \"" + store
                        + "\"; use database or memory");
            };
            return new SignInThrottle(new SignInThrottle.Policy(freeFailures, firstDelay, lockoutFailures, lockout),
                    new SignInThrottle.Policy(addressFreeFailures, firstDelay, addressLockoutFailures, lockout), Clock.systemUTC(),
                    failures);
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
