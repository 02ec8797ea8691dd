package computer.parachute.hub.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error response every mapper returns. */
final class ErrorResponses {
    private ErrorResponses() {}

    static Response.ResponseBuilder builder(int status, ApiError body) {
        // an explicit type: the client's Accept header must not turn an error into a 406 or an HTML page
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
