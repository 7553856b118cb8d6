package org.poseanalytics.web.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login through the Vaadin login view; CSRF and logout as Vaadin configures them; media endpoints need a
 * signed-in user (the clinic check happens in the services); roles are checked again on every service method.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {
    /** HTTP security only where there is a web server: a worker node (profile "worker") serves no HTTP at all. */
    @Configuration
    @ConditionalOnWebApplication
    @EnableWebSecurity
    static class Web {
        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.requestMatchers("/media/**", "/api/**").authenticated());
            http.headers(headers -> headers.frameOptions(frame -> frame.deny()));
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
            return http.build();
        }
    }

    /** bcrypt today, stored with an {id} prefix so the algorithm can change without locking anyone out. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
