package com.outboxwallet.loginguard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Slows password guessing so that it costs the guesser, not the people who share its address nor the account's
 * owner elsewhere (OWASP's Authentication and Credential Stuffing cheat sheets: progressive delays, no hard lockout).
 * Every attempt is counted before its password is checked, in one atomic step with the check of the limits, so a
 * burst of parallel guesses gets no more password checks than the policy allows; a success takes its attempt back.
 *
 * <p>Three counters, each with its own limit ({@link ThrottlePolicy}):
 *
 * <ul>
 *   <li>{@link Limit#USER}: one username from one client address. Always counted: it is what stops a guesser, and
 *       it slows only whoever tries that username from that address.
 *   <li>{@link Limit#ACCOUNT}: one username from every address, and {@link Limit#ADDRESS}: one address, whatever the
 *       username. They slow guessing spread over many addresses and credential stuffing from one, and are not
 *       counted, nor waited for, when the username logged in successfully from that address lately: the owner at
 *       a usual address, and the colleagues behind the guesser's NAT who logged in from it before, are not kept
 *       out by a stranger's guesses.
 * </ul>
 *
 * <p>A success forgets its own username's counter from its address, and only takes its own attempt back from the
 * others: an attacker who also holds a valid account cannot clear an address's count with it.
 */
public final class LoginThrottle {

    private final AttemptCounters counters;
    private final ThrottlePolicy policy;
    private final String prefix;

    /** @param prefix the counters' keys start with it: a service's own name, and a version of their shape */
    public LoginThrottle(AttemptCounters counters, ThrottlePolicy policy, String prefix) {
        this.counters = counters;
        this.policy = policy;
        this.prefix = prefix;
    }

    public enum Limit {
        USER("login-per-user"),
        ACCOUNT("login-per-account"),
        ADDRESS("login-per-address");

        private final String policyName;

        Limit(String policyName) {
            this.policyName = policyName;
        }

        /** The name of its policy in the RateLimit fields and the problem's {@code violatedPolicies}. */
        public String policyName() {
            return policyName;
        }
    }

    /** The limit an attempt must wait for, and how long. */
    public record Wait(Limit limit, int maxAttempts, Duration window, Duration retryAfter) {

        public static Wait of(Limit limit, ThrottlePolicy policy, long leftMillis) {
            return new Wait(limit, policy.limitOf(limit), policy.longestDelay(), Duration.ofMillis(leftMillis));
        }
    }

    /**
     * Counts an attempt at {@code username} from {@code address} before its password is checked.
     *
     * @throws LoginThrottled when it must wait: then it is not counted, and must not be checked
     */
    public Attempt attempt(String username, String address) {
        String client = ClientAddress.of(address);
        String user = digest(username);
        String known = prefix + "known:" + user + ":" + client;
        List<AttemptCounters.Counted> counted = new ArrayList<>(3);
        counted.add(new AttemptCounters.Counted(Limit.USER, prefix + "user:" + user + ":" + client));
        if (!counters.known(known)) {
            counted.add(new AttemptCounters.Counted(Limit.ACCOUNT, prefix + "account:" + user));
            counted.add(new AttemptCounters.Counted(Limit.ADDRESS, prefix + "address:" + client));
        }
        counters.reserve(counted, policy).ifPresent(wait -> {
            throw new LoginThrottled(wait);
        });
        return new Attempt(List.copyOf(counted), known);
    }

    /** A counted attempt, whose outcome the throttle hears once its password was checked (or could not be). */
    public final class Attempt {

        private final List<AttemptCounters.Counted> counted;
        private final String known;

        private Attempt(List<AttemptCounters.Counted> counted, String known) {
            this.counted = counted;
            this.known = known;
        }

        public void succeeded() {
            counters.forgive(counted, true);
            counters.remember(known, policy.knownAddressFor());
        }

        /** The password was not checked (the user store could not answer): it was no guess. */
        public void unchecked() {
            counters.forgive(counted, false);
        }
    }

    /** The username is hashed: names of any length and content become keys of one length. */
    private static String digest(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
