package computer.parachute.hub.core.token;

/**
 * hub.db could not be read or written while handling keys or the token registry. Unchecked: no caller can do
 * more than report it, and the message names the file so the operator knows where to look.
 */
public final class TokenStoreException extends RuntimeException {
    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
