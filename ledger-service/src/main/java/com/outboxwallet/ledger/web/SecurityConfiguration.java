package com.outboxwallet.ledger.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger API, its OpenAPI document, the metrics and the operator console are for operators only: one account, its
 * credentials from the environment. A browser opening the console gets the same Basic challenge and logs in with it. Health and info stay open for probes, and so do the pages that explain the problem types. Operator
 * commands run without a web server, so without this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(OperatorProperties operator, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(operator.username())
                .password(encoder.encode(operator.password()))
                .roles("OPERATOR")
                .build());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error", "/problems/*")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/ledger/**",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/console")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.realmName("ledger")
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response, json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> unauthorized(response, json))
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response, json, Problems.of(HttpProblem.FORBIDDEN, "Operator credentials required."))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static void unauthorized(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
        Problems.write(
                response, json, Problems.of(HttpProblem.UNAUTHORIZED, "Send the operator's HTTP Basic credentials."));
    }
}
