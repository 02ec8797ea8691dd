package computer.parachute.hub.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@link HubApiException} → its status and {@link ApiError} body. */
public final class HubApiExceptionMapper implements ExceptionMapper<HubApiException> {
    @Override
    public Response toResponse(HubApiException exception) {
        return ErrorResponses.builder(exception.status(), exception.toBody()).build();
    }
}
