package computer.parachute.hub.core.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** One row of {@code signing_keys}, parsed. {@code retiredAt} is null while the key is the active one. */
public record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt,
                         Instant retiredAt) {
    public boolean isActive() {
        return retiredAt == null;
    }
}
