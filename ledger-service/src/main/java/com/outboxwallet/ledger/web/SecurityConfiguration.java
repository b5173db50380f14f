package com.outboxwallet.ledger.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * The ledger API and the metrics are for operators only: one account, its credentials from the environment. Health
 * and info stay open for probes. Operator commands run without a web server, so without this.
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
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        .requestMatchers("/api/v1/ledger/**", "/actuator/prometheus").hasRole("OPERATOR")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("ledger").authenticationEntryPoint((request, response, e) ->
                        unauthorized(response, json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response, json))
                        .accessDeniedHandler((request, response, e) -> write(response, json,
                                problem(403, "forbidden", "Not allowed", "Operator credentials required."))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static void unauthorized(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
        write(response, json, problem(401, "unauthorized", "Authentication required",
                "Send the operator's HTTP Basic credentials."));
    }

    private static ProblemDetail problem(int status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }

    private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
