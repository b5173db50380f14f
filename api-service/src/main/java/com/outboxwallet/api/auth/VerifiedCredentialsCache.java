package com.outboxwallet.api.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.outboxwallet.loginguard.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * HTTP Basic sends the password with every request, and bcrypt costs tens of milliseconds of CPU by design: far more
 * than a top-up's own transaction. This provider remembers that a username/password pair was verified, keyed by an
 * HMAC of the pair under a key this process drew at random (a heap dump holds no hash a password could be guessed
 * against offline), so a client's next requests skip bcrypt. Only successes are kept (a wrong password always pays for
 * bcrypt); the plain password is never kept.
 *
 * <p>Every TTL an entry in use is checked against the database: one indexed read of the account, not a bcrypt. If the
 * account is still there, enabled, with the same role and the same credentials version (every password change and
 * every disabling bumps it), nothing about the pair can have changed and the entry is kept; otherwise the pair is
 * verified again from the start. So a changed password or a removed user stops working within the TTL even when the
 * change feed is down, as before, while an active client costs a read a minute instead of a bcrypt a minute (0.1 ms
 * of CPU per top-up at the benchmark's peak, docs/benchmarks.md). After the max age an entry is verified with bcrypt
 * again whatever the database says.
 *
 * <p>Each entry's checks and end fall at a random 75–100 % of the TTL and the max age. Clients that logged in together
 * (after a deploy, a restart, or a load test's start) would otherwise all expire in the same instant and pay bcrypt at
 * once: measured with 54 users, a burst of seconds of both cores every minute that stalled every request, and the relay
 * and ledger beside them. Concurrent requests of one client while its entry is missing share one verification, made
 * outside the map's locks: other users' misses never queue behind it (nor behind a guesser's); one of them makes a due
 * check while the others go on.
 *
 * <p>An entry whose user was disabled or re-passworded since it was verified is not used: {@link CredentialRevocations}
 * says so within the change feed's poll interval on every instance, and the pair is verified again. Each request gets
 * an {@link Authentication} of its own (the filters set its details: address, session); the entry keeps only the
 * principal, without its password hash, and the authorities. A zero TTL keeps nothing: every request runs bcrypt.
 *
 * <p>A password longer than bcrypt reads cannot belong to any account ({@link PasswordPolicy} refuses it when it is
 * set), so it is refused before anything is looked up: for known and unknown users alike, in the same short time.
 */
public final class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final double SHORTEST_LIFE = 0.75;

    private static final String HMAC = "HmacSHA256";

    private final AuthenticationProvider verifier;
    private final UserDetailsService accounts;
    private final CredentialRevocations revocations;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final long ttl;

    private final AsyncCache<String, Verified> verified;
    private final SecretKeySpec pairKey;

    /**
     * @param verifier the full check (the login throttle, the account's row and bcrypt)
     * @param accounts the accounts as the database has them now, for the checks every TTL
     */
    public VerifiedCredentialsCache(
            AuthenticationProvider verifier,
            UserDetailsService accounts,
            AuthProperties properties,
            CredentialRevocations revocations) {
        this(verifier, accounts, properties, revocations, Ticker.systemTicker(), RandomGenerator.getDefault());
    }

    /** @param ticker the clock entries are checked and expire by; {@code random} spreads their lives */
    VerifiedCredentialsCache(
            AuthenticationProvider verifier,
            UserDetailsService accounts,
            AuthProperties properties,
            CredentialRevocations revocations,
            Ticker ticker,
            RandomGenerator random) {
        this.verifier = verifier;
        this.accounts = accounts;
        this.revocations = revocations;
        this.ticker = ticker;
        this.random = random;
        this.ttl = properties.verifiedCredentialsTtl().toNanos();
        long life = ttl == 0 ? 0 : properties.verifiedCredentialsMaxAge().toNanos();
        this.verified = Caffeine.newBuilder()
                .expireAfter(Expiry.creating((String key, Verified value) -> Duration.ofNanos(spread(life))))
                .maximumSize(properties.verifiedCredentialsMax())
                .ticker(ticker)
                .buildAsync();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.pairKey = new SecretKeySpec(key, HMAC);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) {
            return verifier.authenticate(request);
        }
        if (PasswordPolicy.longerThanAnyPassword(password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        String key = digest(request.getName(), password);
        long now = ticker.read(); // before any verification: an entry this request verifies is not due yet
        Verified entry = checkedIfDue(key, verifiedOnce(key, request), request, now);
        if (!revocations.isCurrent(entry.principal())) {
            verified.synchronous().invalidate(key);
            entry = verifiedOnce(key, request);
            if (!revocations.isCurrent(entry.principal())) {
                // Verified against a database that has not yet shown the change this instance heard of: refuse
                // rather than trust what may be an old password.
                verified.synchronous().invalidate(key);
                throw new CredentialsExpiredException("credentials changed");
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(entry.principal(), null, entry.authorities());
    }

    /**
     * The entry, verified by this request when no other is verifying the same pair, else by that other. A failed
     * verification leaves nothing behind: the next attempt verifies again.
     */
    private Verified verifiedOnce(String key, Authentication request) {
        CompletableFuture<Verified> mine = new CompletableFuture<>();
        CompletableFuture<Verified> theirs = verified.asMap().putIfAbsent(key, mine);
        if (theirs != null) {
            return joined(theirs);
        }
        try {
            Verified entry = verify(request);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException | Error failed) {
            verified.asMap().remove(key, mine);
            mine.completeExceptionally(failed);
            throw failed;
        }
    }

    /**
     * The entry, or when its check is due and the database says its account changed (or cannot say), the pair verified
     * again. One request makes a due check; the others use the entry meanwhile.
     */
    private Verified checkedIfDue(String key, Verified entry, Authentication request, long now) {
        if (!entry.claimCheck(now, now + spread(ttl)) || unchanged(entry.principal())) {
            return entry;
        }
        verified.synchronous().invalidate(key);
        return verifiedOnce(key, request);
    }

    /** Whether the database still has the account as it was verified; false for a principal it cannot tell about. */
    private boolean unchanged(Object principal) {
        if (!(principal instanceof WalletUser user)) {
            return false;
        }
        try {
            return accounts.loadUserByUsername(user.username()) instanceof WalletUser now
                    && now.id().equals(user.id())
                    && now.credentialsVersion() == user.credentialsVersion()
                    && now.role() == user.role()
                    && now.isEnabled();
        } catch (RuntimeException unknownOrUnreachable) {
            return false; // the full verification decides, and answers as it always does
        }
    }

    /** A random 75–100 % of {@code nanos}, at least a nanosecond. */
    private long spread(long nanos) {
        return Math.max(1, (long) (nanos * (SHORTEST_LIFE + (1 - SHORTEST_LIFE) * random.nextDouble())));
    }

    private static Verified joined(CompletableFuture<Verified> verification) {
        try {
            return verification.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed; // the other request's answer is this one's: a wrong password, a throttle, an outage
            }
            throw e;
        }
    }

    private Verified verify(Authentication request) {
        // The user store answers every username and password login: it returns a result or throws.
        Authentication result = Objects.requireNonNull(verifier.authenticate(request));
        Object principal = result.getPrincipal() instanceof WalletUser user
                ? user.withoutPassword()
                : Objects.requireNonNull(result.getPrincipal(), "an authenticated login has a principal");
        long now = ticker.read();
        return new Verified(principal, List.copyOf(result.getAuthorities()), now + spread(ttl));
    }

    /** What is kept of a verification: no password, no hash, no request's details; and when to check it next. */
    private static final class Verified {

        private final Object principal;
        private final List<GrantedAuthority> authorities;
        private final AtomicLong checkAt;

        Verified(Object principal, List<GrantedAuthority> authorities, long checkAt) {
            this.principal = principal;
            this.authorities = authorities;
            this.checkAt = new AtomicLong(checkAt);
        }

        Object principal() {
            return principal;
        }

        List<GrantedAuthority> authorities() {
            return authorities;
        }

        /** Whether a check is due at {@code now} and this caller makes it; the next one is then due at {@code next}. */
        boolean claimCheck(long now, long next) {
            long due = checkAt.get();
            return now - due >= 0 && checkAt.compareAndSet(due, next);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(pairKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // a separator no username contains, so ("a:b","c") and ("a","b:c") differ
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
