package com.outboxwallet.ledger.web;

import com.outboxwallet.loginguard.LocalAttemptCounters;
import com.outboxwallet.loginguard.LoginThrottle;
import com.outboxwallet.loginguard.LoginThrottleAnswers;
import com.outboxwallet.loginguard.PasswordChecks;
import com.outboxwallet.loginguard.ThrottledVerifier;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import com.outboxwallet.process.ConditionalOnServing;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger API, its OpenAPI document, the metrics and the operator console are for operators only: one account, its
 * credentials from the environment, and a metrics-only account for Prometheus. A browser opening the console gets the
 * same Basic challenge and logs in with it. Every login meets the same throttle as the api's, before bcrypt, which runs
 * on a pool of its own. Health and info stay open for probes, and so do the pages that explain the problem types.
 * Operator commands run without a web server, so without this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class SecurityConfiguration {

    @Bean
    PasswordChecks passwordEncoder(MeterRegistry meters) {
        return PasswordChecks.onHalfTheCores(PasswordEncoderFactories.createDelegatingPasswordEncoder(), meters);
    }

    @Bean
    UserDetailsService operators(OperatorProperties operator, PasswordChecks encoder) {
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername(operator.username())
                .password(encoder.encode(operator.password()))
                .roles("OPERATOR")
                .build());
        if (operator.hasMetricsAccount()) {
            users.add(User.withUsername(operator.metricsUsername())
                    .password(encoder.encode(operator.metricsPassword()))
                    .roles("METRICS")
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthenticationProvider throttledLogins(
            UserDetailsService operators, PasswordChecks encoder, OperatorProperties operator, MeterRegistry meters) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(operators);
        bcrypt.setPasswordEncoder(encoder);
        LoginThrottle throttle = new LoginThrottle(
                new LocalAttemptCounters(Clock.systemUTC(), operator.loginThrottle()),
                operator.loginThrottle(),
                "ledger-login:");
        return new ThrottledVerifier(bcrypt, throttle, SecurityConfiguration::clientAddress, meters);
    }

    private static String clientAddress(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/error", "/problems/*")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole("OPERATOR", "METRICS")
                        .requestMatchers(
                                "/api/v1/ledger/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/console")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.realmName("ledger")
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response, json, e)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> unauthorized(response, json, e))
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response, json, Problems.of(HttpProblem.FORBIDDEN, "Operator credentials required."))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static void unauthorized(HttpServletResponse response, JsonMapper json, AuthenticationException e)
            throws IOException {
        Optional<ProblemDetail> refused = LoginThrottleAnswers.refusal(e, response);
        if (refused.isPresent()) {
            Problems.write(response, json, refused.get());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
        Problems.write(
                response, json, Problems.of(HttpProblem.UNAUTHORIZED, "Send the operator's HTTP Basic credentials."));
    }
}
