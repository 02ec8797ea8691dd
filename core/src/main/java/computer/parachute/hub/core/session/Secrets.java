package computer.parachute.hub.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random bearer secrets (login codes, session ids) and what hub.db keeps of them: only a SHA-256, so a copy of
 * hub.db never yields a working link or cookie.
 */
final class Secrets {
    /** 256 bits, base64url without padding: 43 characters. */
    static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code value} could be a secret this class made; anything else is refused before hashing. */
    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    static String hash(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** A value derived from {@code secret} for one {@code purpose}; it reveals nothing of the secret. */
    static String derive(String purpose, String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(purpose + '\0' + secret));
    }

    /** Equality that takes the same time wherever the first difference is. */
    static boolean sameText(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
