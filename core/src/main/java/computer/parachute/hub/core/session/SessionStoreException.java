package computer.parachute.hub.core.session;

/** hub.db could not be read or written for a login code or session; the message names the file. */
public final class SessionStoreException extends RuntimeException {
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
