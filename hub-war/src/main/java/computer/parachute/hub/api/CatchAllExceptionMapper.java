package computer.parachute.hub.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged with its stack trace under a random hex id, answered as a JSON 500 quoting that id
 * so an operator can find the log line; the client never sees a stack trace or a bodyless 500 (reference #540).
 */
public final class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(CatchAllExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
        LOG.log(Level.SEVERE, "error " + id + " while handling a request", exception);
        ApiError body = new ApiError("internal_error",
                "the hub failed to handle this request; see the hub log for error " + id);
        return ErrorResponses.builder(500, body).build();
    }
}
