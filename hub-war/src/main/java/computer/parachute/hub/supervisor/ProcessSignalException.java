package computer.parachute.hub.supervisor;

/** A signal could not be delivered for a reason other than "no such process" (for example EPERM). */
public final class ProcessSignalException extends RuntimeException {
    public ProcessSignalException(String message) {
        super(message);
    }

    public ProcessSignalException(String message, Throwable cause) {
        super(message, cause);
    }
}
