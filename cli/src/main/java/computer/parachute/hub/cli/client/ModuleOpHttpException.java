package computer.parachute.hub.cli.client;

/**
 * The hub answered a module operation with a non-2xx status (reference §4.5): the status plus the
 * {@code error}/{@code error_description} of its JSON body, defaulting to {@code error}/{@code request failed}.
 * Status 0 means the request never got an answer (refused, timed out).
 */
public final class ModuleOpHttpException extends Exception {
    private final int status;
    private final String code;
    private final String description;

    public ModuleOpHttpException(int status, String code, String description) {
        super(code + ": " + description, null, false, false);
        this.status = status;
        this.code = code;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
