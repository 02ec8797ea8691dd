package computer.parachute.hub.api;

import computer.parachute.hub.core.http.ErrorBodies;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jersey's own errors (unknown path, wrong method, unreadable body, ...) keep their status but answer with our body
 * instead of Jersey's default (an empty body or HTML). A 405 keeps its {@code Allow} header.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    private UriInfo uriInfo;
    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.WARNING, "request failed with " + status, exception);
        }
        ApiError body = new ApiError(ErrorBodies.codeFor(status), describe(status, exception));
        Response.ResponseBuilder builder = ErrorResponses.builder(status, body);
        Object allow = exception.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    private String describe(int status, WebApplicationException exception) {
        String target = request.getMethod() + " /" + uriInfo.getPath(false).replaceFirst("^/", "");
        return switch (status) {
            case 404 -> "no such endpoint: " + target;
            case 405 -> "method not allowed: " + target;
            case 406 -> "this endpoint only answers application/json: " + target;
            case 415 -> "unsupported request content type for " + target;
            default -> exception.getMessage() == null ? "HTTP " + status : exception.getMessage();
        };
    }
}
