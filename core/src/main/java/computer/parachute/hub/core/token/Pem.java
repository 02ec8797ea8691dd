package computer.parachute.hub.core.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM text for RSA keys as hub.db stores them (SPKI public, PKCS#8 private; reference §4.1) and the key id. */
final class Pem {
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final int LINE_CHARS = 64;

    private Pem() {}

    static String publicPem(RSAPublicKey key) {
        return encode(PUBLIC_LABEL, key.getEncoded());
    }

    static String privatePem(RSAPrivateKey key) {
        return encode(PRIVATE_LABEL, key.getEncoded());
    }

    static RSAPublicKey parsePublic(String pem) throws GeneralSecurityException {
        return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(decode(pem, PUBLIC_LABEL)));
    }

    static RSAPrivateKey parsePrivate(String pem) throws GeneralSecurityException {
        return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(decode(pem, PRIVATE_LABEL)));
    }

    /** base64url (no padding) of SHA-256 over the public key's PEM text (DESIGN §7). */
    static String kid(String publicPem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicPem.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(LINE_CHARS, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String pem, String label) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("not a PEM " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("bad base64 in PEM " + label, e);
        }
    }

    private static KeyFactory rsa() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance("RSA");
    }
}
