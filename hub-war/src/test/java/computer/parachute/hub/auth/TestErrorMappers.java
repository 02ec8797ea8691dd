package computer.parachute.hub.auth;

import computer.parachute.hub.api.ApiError;
import computer.parachute.hub.api.HubApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Stand-ins for the web engineer's production mappers, so this test sees the same JSON body shape without
 * depending on that branch: HubApiException → its status, anything else → a 500 the tests would flag.
 */
final class TestErrorMappers {
    private TestErrorMappers() {}

    static final class ApiErrors implements ExceptionMapper<HubApiException> {
        @Override
        public Response toResponse(HubApiException e) {
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.toBody()).build();
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unexpected", e.toString())).build();
        }
    }
}
