package com.outboxwallet.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HTTP Basic sends the password with every request, and bcrypt costs tens of milliseconds of CPU by design: far more
 * than a top-up's own transaction. This provider remembers, for a short while, that a username/password pair was
 * verified, keyed by a SHA-256 of the pair, so a client's next requests skip bcrypt. Only successes are kept (a wrong
 * password always pays for bcrypt); the plain password is never kept; entries expire after the configured TTL, so a
 * changed password or a removed user stops working within it.
 */
public final class VerifiedCredentialsCache implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final Cache<String, Authentication> verified;

    public VerifiedCredentialsCache(AuthenticationProvider verifier, AuthProperties properties) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.verifiedCredentialsTtl())
                .maximumSize(properties.verifiedCredentialsMax())
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) {
            return verifier.authenticate(request);
        }
        String key = digest(request.getName(), password);
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication result = verifier.authenticate(request);
        // Keep the principal and authorities only: the credentials are erased from what is cached.
        Authentication kept = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                result.getAuthorities());
        verified.put(key, kept);
        return kept;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // a separator no username contains, so ("a:b","c") and ("a","b:c") differ
            sha256.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
