package com.outboxwallet.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class VerifiedCredentialsCacheTest {

    /** Stands in for bcrypt: knows two users' passwords and counts how often it was asked. */
    private final RecordingVerifier verifier = new RecordingVerifier(Map.of("alice", "alice-pass", "bob", "bob-pass"));

    private final CredentialRevocations revocations = new CredentialRevocations();
    /** Carol's account as the database has it, and the clock the cache reads, for the tests that move them. */
    private final UserVerifier database = new UserVerifier(aWalletUser(0));

    private final AtomicLong now = new AtomicLong();
    private final VerifiedCredentialsCache cache = cacheOver(verifier, Duration.ofMinutes(1));

    @Test
    void aVerifiedPairIsNotVerifiedAgainWithinTheTtl() {
        Authentication first = cache.authenticate(login("alice", "alice-pass"));
        Authentication second = cache.authenticate(login("alice", "alice-pass"));

        assertThat(verifier.asked).containsExactly("alice");
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
    }

    @Test
    void theCachedAuthenticationHoldsNoPassword() {
        Authentication authenticated = cache.authenticate(login("alice", "alice-pass"));

        assertThat(authenticated.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsAlwaysVerifiedAndNeverCached() {
        cache.authenticate(login("alice", "alice-pass"));

        assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(verifier.asked).containsExactly("alice", "alice", "alice");
    }

    @Test
    void pairsThatConcatenateAlikeAreDifferentEntries() {
        RecordingVerifier tricky = new RecordingVerifier(Map.of("a", "b:c", "a:b", "c"));
        VerifiedCredentialsCache cache = cacheOver(tricky, Duration.ofMinutes(1));

        cache.authenticate(login("a", "b:c"));
        cache.authenticate(login("a:b", "c"));

        assertThat(tricky.asked).containsExactly("a", "a:b");
    }

    @Test
    void anExpiredEntryIsVerifiedAgain() {
        VerifiedCredentialsCache noMemory = cacheOver(verifier, Duration.ofNanos(1));

        noMemory.authenticate(login("bob", "bob-pass"));
        noMemory.authenticate(login("bob", "bob-pass"));

        assertThat(verifier.asked).containsExactly("bob", "bob");
    }

    @Test
    void clientsVerifiedTogetherAreNotAllVerifiedAgainTogetherAndNoneLaterThanTheTtl() {
        Map<String, String> passwords = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            passwords.put("user-" + i, "pass-" + i);
        }
        Duration ttl = Duration.ofMinutes(1);
        RecordingVerifier verifying = new RecordingVerifier(passwords);
        VerifiedCredentialsCache spread = new VerifiedCredentialsCache(
                verifying,
                noAccounts(),
                new AuthProperties(ttl, Duration.ofHours(1), 1000, Duration.ofMillis(250)),
                revocations,
                now::get,
                new Random(42));
        passwords.forEach((user, password) -> spread.authenticate(login(user, password)));

        now.set(ttl.toNanos() * 3 / 4 - 1);
        passwords.forEach((user, password) -> spread.authenticate(login(user, password)));
        assertThat(verifying.asked)
                .as("nobody before three quarters of the TTL")
                .hasSize(100);

        now.set(ttl.toNanos() * 7 / 8);
        passwords.forEach((user, password) -> spread.authenticate(login(user, password)));
        assertThat(verifying.asked.size() - 100)
                .as("some, not all, between three quarters and the whole TTL")
                .isStrictlyBetween(10, 90);

        now.set(ttl.toNanos() + 1);
        long verifiedBefore = verifying.asked.size();
        passwords.forEach((user, password) -> spread.authenticate(login(user, password)));
        assertThat(verifying.asked.size() - verifiedBefore)
                .as("everyone verified at the start, after the TTL")
                .isEqualTo(200 - verifiedBefore);
    }

    @Test
    void concurrentRequestsOfOneClientShareOneVerification() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        AuthenticationProvider slow = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                asked.add(authentication.getName());
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        authentication.getName(), null, AuthorityUtils.createAuthorityList("ROLE_USER"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        VerifiedCredentialsCache shared = cacheOver(slow, Duration.ofMinutes(1));
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(Thread.ofPlatform().start(() -> shared.authenticate(login("alice", "alice-pass"))));
        }
        // Every request is either verifying (waiting for the release) or waiting for the one that verifies.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.stream()
                        .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED));
        release.countDown();
        for (Thread request : requests) {
            request.join();
        }

        assertThat(asked).containsExactly("alice");
    }

    @Test
    void eachRequestGetsAnAuthenticationOfItsOwn() {
        Authentication first = cache.authenticate(login("alice", "alice-pass"));
        ((UsernamePasswordAuthenticationToken) first).setDetails("the first request's address and session");

        Authentication second = cache.authenticate(login("alice", "alice-pass"));

        assertThat(second).isNotSameAs(first);
        assertThat(second.getDetails()).isNull();
        assertThat(verifier.asked).containsExactly("alice");
    }

    @Test
    void whatIsKeptOfAWalletUserHasNoPasswordHash() {
        WalletUser carol = aWalletUser(0);
        VerifiedCredentialsCache cache = cacheOver(new UserVerifier(carol), Duration.ofMinutes(1));

        Authentication authenticated = cache.authenticate(login("carol", "carol-pass"));

        assertThat(((WalletUser) authenticated.getPrincipal()).passwordHash()).isNull();
        assertThat(((WalletUser) authenticated.getPrincipal()).id()).isEqualTo(carol.id());
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedWithoutLookingAnythingUp() {
        assertThatThrownBy(() -> cache.authenticate(login("alice", "é".repeat(37))))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("nobody", "x".repeat(73))))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(verifier.asked).isEmpty();
    }

    @Test
    void anEntryVerifiedBeforeItsUsersCredentialsChangedIsVerifiedAgain() {
        VerifiedCredentialsCache cache = cacheOver(database, Duration.ofMinutes(1));
        cache.authenticate(login("carol", "carol-pass"));

        database.user = aWalletUser(1); // disabled, say: version 1 is what the database now holds
        revocations.changed(database.user.id(), 1);
        Authentication again = cache.authenticate(login("carol", "carol-pass"));

        assertThat(database.asked).isEqualTo(2);
        assertThat(((WalletUser) again.getPrincipal()).credentialsVersion()).isEqualTo(1);
    }

    @Test
    void anEntryStillOlderThanTheKnownChangeAfterVerifyingAgainIsRefused() {
        UserVerifier laggingDatabase = new UserVerifier(aWalletUser(0));
        VerifiedCredentialsCache cache = cacheOver(laggingDatabase, Duration.ofMinutes(1));
        cache.authenticate(login("carol", "carol-pass"));

        revocations.changed(laggingDatabase.user.id(), 1);

        assertThatThrownBy(() -> cache.authenticate(login("carol", "carol-pass")))
                .isInstanceOf(CredentialsExpiredException.class);
    }

    @Test
    void anEntryInUseIsCheckedAgainstTheDatabaseEveryTtlWithoutBcrypt() {
        VerifiedCredentialsCache cache = carolLoggedIn();

        for (int minute = 1; minute <= 30; minute++) {
            now.set(Duration.ofMinutes(minute).toNanos());
            assertThat(cache.authenticate(login("carol", "carol-pass")).getName())
                    .isEqualTo("carol");
        }

        assertThat(database.asked).as("bcrypt").isOne();
        assertThat(database.loaded).as("reads of the account").isBetween(30, 40);
    }

    @Test
    void aCheckThatFindsTheAccountChangedVerifiesThePairAgain() {
        VerifiedCredentialsCache cache = carolLoggedIn();

        database.user = aWalletUser(1); // re-passworded, and this instance's change feed never told it
        now.set(Duration.ofMinutes(1).toNanos());
        Authentication again = cache.authenticate(login("carol", "carol-pass"));

        assertThat(database.asked).isEqualTo(2);
        assertThat(((WalletUser) again.getPrincipal()).credentialsVersion()).isEqualTo(1);
    }

    @Test
    void aCheckThatFindsTheAccountDisabledOrGoneVerifiesThePairAgain() {
        VerifiedCredentialsCache cache = carolLoggedIn();

        database.user = new WalletUser(CAROL, "carol", "{bcrypt}hash", Role.USER, false, 0);
        now.set(Duration.ofMinutes(1).toNanos());
        cache.authenticate(login("carol", "carol-pass"));
        assertThat(database.asked).as("verified again when disabled").isEqualTo(2);

        database.user = new WalletUser(UUID.randomUUID(), "someone-else", "{bcrypt}hash", Role.USER, true, 0);
        now.set(Duration.ofMinutes(2).toNanos());
        cache.authenticate(login("carol", "carol-pass"));
        assertThat(database.asked).as("verified again when gone").isEqualTo(3);
    }

    @Test
    void noEntryOutlivesTheMaxAgeHoweverOftenItsChecksPass() {
        VerifiedCredentialsCache cache = carolLoggedIn();

        for (int minute = 1; minute <= 60; minute++) {
            now.set(Duration.ofMinutes(minute).toNanos() + 1);
            cache.authenticate(login("carol", "carol-pass"));
        }

        assertThat(database.asked)
                .as("bcrypt at the start and again within the hour")
                .isEqualTo(2);
    }

    private static final UUID CAROL = UUID.randomUUID();

    private static WalletUser aWalletUser(long credentialsVersion) {
        return new WalletUser(CAROL, "carol", "{bcrypt}hash", Role.USER, true, credentialsVersion);
    }

    private VerifiedCredentialsCache cacheOver(AuthenticationProvider verifier, Duration ttl) {
        return new VerifiedCredentialsCache(
                verifier,
                noAccounts(),
                new AuthProperties(ttl, Duration.ofHours(1), 100, Duration.ofMillis(250)),
                revocations);
    }

    /**
     * A cache over {@link #database} on the clock {@link #now} (a TTL of a minute, a max age of an hour), in which
     * carol logged in at time zero.
     */
    private VerifiedCredentialsCache carolLoggedIn() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(
                database,
                database::load,
                new AuthProperties(Duration.ofMinutes(1), Duration.ofHours(1), 100, Duration.ofMillis(250)),
                revocations,
                now::get,
                new Random(7));
        cache.authenticate(login("carol", "carol-pass"));
        return cache;
    }

    /** For principals that are not accounts: no check can vouch for them, so they are verified again. */
    private static UserDetailsService noAccounts() {
        return username -> {
            throw new UsernameNotFoundException(username);
        };
    }

    /** Stands in for the database and bcrypt: answers with whatever the user now is. */
    private static final class UserVerifier implements AuthenticationProvider {

        private WalletUser user;
        private int asked;
        private int loaded;

        UserVerifier(WalletUser user) {
            this.user = user;
        }

        /** The account's row, as the checks every TTL read it. */
        UserDetails load(String username) {
            loaded++;
            if (!user.username().equals(username)) {
                throw new UsernameNotFoundException(username);
            }
            return user;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            asked++;
            return UsernamePasswordAuthenticationToken.authenticated(
                    user, authentication.getCredentials(), user.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    private static Authentication login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static final class RecordingVerifier implements AuthenticationProvider {

        private final Map<String, String> passwords;
        private final List<String> asked = new ArrayList<>();

        RecordingVerifier(Map<String, String> passwords) {
            this.passwords = passwords;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            asked.add(authentication.getName());
            if (!authentication.getCredentials().equals(passwords.get(authentication.getName()))) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(),
                    authentication.getCredentials(),
                    AuthorityUtils.createAuthorityList("ROLE_USER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }
}
