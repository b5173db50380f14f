package com.outboxwallet.relay.web;

import com.outboxwallet.process.ConditionalOnServing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The relay serves only health and Prometheus metrics (counts, ages and latencies; no user data) and belongs on an
 * internal network; everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing // operator commands run without a web server
class SecurityConfiguration {

    @Bean
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
