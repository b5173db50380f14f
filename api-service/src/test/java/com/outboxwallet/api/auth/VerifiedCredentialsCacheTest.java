package com.outboxwallet.api.auth;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsCacheTest {

    /** Stands in for bcrypt: knows two users' passwords and counts how often it was asked. */
    private final RecordingVerifier verifier = new RecordingVerifier(Map.of("alice", "alice-pass", "bob", "bob-pass"));
    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(verifier,
            new AuthProperties(Duration.ofMinutes(1), 100));

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

        assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(verifier.asked).containsExactly("alice", "alice", "alice");
    }

    @Test
    void pairsThatConcatenateAlikeAreDifferentEntries() {
        RecordingVerifier tricky = new RecordingVerifier(Map.of("a", "b:c", "a:b", "c"));
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(tricky, new AuthProperties(Duration.ofMinutes(1), 100));

        cache.authenticate(login("a", "b:c"));
        cache.authenticate(login("a:b", "c"));

        assertThat(tricky.asked).containsExactly("a", "a:b");
    }

    @Test
    void anExpiredEntryIsVerifiedAgain() {
        VerifiedCredentialsCache noMemory = new VerifiedCredentialsCache(verifier,
                new AuthProperties(Duration.ofNanos(1), 100));

        noMemory.authenticate(login("bob", "bob-pass"));
        noMemory.authenticate(login("bob", "bob-pass"));

        assertThat(verifier.asked).containsExactly("bob", "bob");
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
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(),
                    authentication.getCredentials(), AuthorityUtils.createAuthorityList("ROLE_USER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }
}
