package computer.parachute.hub.api;

/**
 * A failure a resource or filter reports to the client: HTTP status, a stable machine code (DESIGN §6) and a
 * human sentence. Mapped to {@link ApiError} by {@link HubApiExceptionMapper}; resources never build error responses.
 */
public final class HubApiException extends RuntimeException {
    private final int status;
    private final String code;

    public HubApiException(int status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String description() { return getMessage(); }

    public ApiError toBody() {
        return new ApiError(code, getMessage());
    }
}
