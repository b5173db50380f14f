package com.outboxwallet.api.web;

import com.outboxwallet.api.audit.AuditTrail;
import com.outboxwallet.api.audit.AuditTrail.Action;
import com.outboxwallet.api.auth.AuthProperties;
import com.outboxwallet.api.auth.CredentialRevocations;
import com.outboxwallet.api.auth.VerifiedCredentialsCache;
import com.outboxwallet.loginguard.LoginThrottle;
import com.outboxwallet.loginguard.LoginThrottleAnswers;
import com.outboxwallet.loginguard.LoginThrottled;
import com.outboxwallet.loginguard.PasswordChecks;
import com.outboxwallet.loginguard.ThrottledVerifier;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in. The JSON API and the actuator take HTTP Basic on every request and keep no session, so there is no
 * cookie for a cross-site request to ride on and CSRF tokens would protect nothing. The web page logs in with a form
 * and keeps a session, so every form it posts carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordChecks passwordEncoder(MeterRegistry meters) {
        // bcrypt (id {bcrypt}, strength 10), with the delegating encoder's upgrade path to another one later, run on
        // a small pool of its own. bcrypt reads 72 bytes at most: PasswordPolicy refuses longer passwords where they
        // are set (docs/api.md).
        return PasswordChecks.onHalfTheCores(PasswordEncoderFactories.createDelegatingPasswordEncoder(), meters);
    }

    /**
     * Spring Security would observe every filter, authentication and authorization of every request — a dozen
     * observations per top-up, each wrapping a filter and starting timers — that nothing reads. HTTP requests stay
     * observed ({@code http.server.requests} on {@code /actuator/prometheus}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CredentialRevocations credentialRevocations() {
        return new CredentialRevocations();
    }

    /**
     * bcrypt runs once per max age per client, not once per request (see {@link VerifiedCredentialsCache}); a pair not
     * known to be right meets the login throttle before bcrypt (see {@link ThrottledVerifier}).
     */
    @Bean
    AuthenticationProvider authenticationProvider(
            UserDetailsService users,
            PasswordEncoder passwords,
            AuthProperties properties,
            CredentialRevocations revocations,
            LoginThrottle throttle,
            MeterRegistry meters) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        // The password first, the account's state after: a disabled account costs a bcrypt like any other, and only
        // whoever knows its password learns that it is disabled.
        bcrypt.setPreAuthenticationChecks(user -> {});
        bcrypt.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        ThrottledVerifier throttled =
                new ThrottledVerifier(bcrypt, throttle, SecurityConfiguration::clientAddress, meters);
        return new VerifiedCredentialsCache(throttled, users, properties, revocations);
    }

    /**
     * The address the login came from, as the servlet container saw it. Behind a proxy or load balancer, set
     * {@code server.forward-headers-strategy=native} so that it is the client's, not the proxy's (docs/api.md).
     */
    private static String clientAddress(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
    }

    /**
     * The payment provider's notifications: no login (the provider has none); each is authenticated by its
     * signature, checked on the bytes received before anything is recorded (PaymentNotifications).
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, HttpProperties properties, AuditTrail audit)
            throws Exception {
        AuthenticationEntryPoint basic = (request, response, e) -> {
            Optional<ProblemDetail> refused = LoginThrottleAnswers.refusal(e, response);
            if (e instanceof LoginThrottled) {
                audit.loginRefused(Action.LOGIN_THROTTLED, attemptedUsername(request), request.getRemoteAddr());
            }
            if (refused.isPresent()) {
                Problems.write(response, json, refused.get());
                return;
            }
            if (e instanceof InternalAuthenticationServiceException) {
                // The password could not be checked (the user store is unreachable): neither the client's fault
                // nor a wrong password, and a 401 would tell it to stop trying.
                log.warn("Credentials could not be checked: {}", e.getMessage());
                Problems.sayWhenToRetry(HttpProblem.SERVICE_UNAVAILABLE, response);
                Problems.write(response, json, DatabaseUnavailable.problem());
                return;
            }
            String attempted = attemptedUsername(request);
            if (attempted != null) { // credentials were sent and refused; none sent is no login
                audit.loginRefused(Action.LOGIN_FAILED, attempted, request.getRemoteAddr());
            }
            if (!BrowserRequests.from(request)) {
                // Never to a browser: its login dialog would cache the credentials and send them with any request
                // another site's page makes it send (the API is for programs; people use the pages' form login).
                response.setHeader("WWW-Authenticate", "Basic realm=\"wallet\"");
            }
            Problems.write(
                    response,
                    json,
                    Problems.of(HttpProblem.UNAUTHORIZED, "Send HTTP Basic credentials of a wallet user."));
        };
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        // Not the metrics scraper: it reads metrics, it has no business with wallets or accounts.
                        .requestMatchers("/api/**")
                        .hasAnyRole("USER", "ADMIN")
                        .anyRequest()
                        .denyAll())
                .httpBasic(httpBasic -> httpBasic.realmName("wallet").authenticationEntryPoint(basic))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basic)
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                json,
                                Problems.of(HttpProblem.FORBIDDEN, "Your role does not allow this request."))))
                .cors(cors -> cors.configurationSource(cors(properties)))
                // Before CORS, whose own refusal of a foreign origin is a plain-text 403.
                .addFilterBefore(new CrossSiteRequests(properties.corsOrigins(), json), CorsFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Filters a stateless API without a login page never needs, each paid on every request: no session
                // to log out of, no request to save for after a login, no anonymous principal (an unauthenticated
                // request to a protected path still meets the entry point, permitAll paths still open).
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain page(HttpSecurity http, CredentialRevocations revocations, AuditTrail audit) throws Exception {
        return http.addFilterAfter(new RevokedSessionFilter(revocations), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/error", "/wallet.css", "/problems/*")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/", "/topups", "/payments", "/payments/*")
                        .hasAnyRole("USER", "ADMIN")
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .permitAll()
                        .failureHandler(LoginThrottles.formFailures(audit)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** The username of the request's Basic credentials, or null when it sent none (or not decodable ones). */
    private static @Nullable String attemptedUsername(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken sent = BASIC.convert(request);
            return sent == null ? null : sent.getName();
        } catch (AuthenticationException malformed) {
            return "(malformed)";
        }
    }

    /** No origin is allowed unless configured: browsers on other sites cannot call the API by default. */
    private static CorsConfigurationSource cors(HttpProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(properties.corsOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST"));
            configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
            configuration.setExposedHeaders(
                    List.of("Location", "Idempotent-Replayed", "Retry-After", "RateLimit", "RateLimit-Policy"));
            configuration.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", configuration);
        }
        return source;
    }
}
