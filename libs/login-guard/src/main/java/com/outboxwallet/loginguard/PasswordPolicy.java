package com.outboxwallet.loginguard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must be, checked wherever one is set: the admin API, the self-service change, and the start-up
 * settings. Passwords are hashed with bcrypt, which reads at most 72 bytes: Spring's encoder refuses longer input
 * rather than silently ignoring the rest, and so does this policy, in bytes of UTF-8 (72 ASCII characters, 24 if
 * every character takes three bytes). Control characters are refused too: they are never typed on purpose.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;
    public static final String EXPECTED =
            MIN_CHARACTERS + " or more characters, at most " + MAX_BYTES + " bytes in UTF-8, no control characters";

    private PasswordPolicy() {}

    /** @return why the password is refused, or empty when it is acceptable */
    public static Optional<String> violation(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("at least " + MIN_CHARACTERS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("no control characters");
        }
        return Optional.empty();
    }

    /** A password no account can have, being longer than this policy allows: checking it would only cost bcrypt. */
    public static boolean longerThanAnyPassword(String presented) {
        return presented.length() > MAX_BYTES || presented.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
