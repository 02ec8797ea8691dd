package computer.parachute.hub.launcher;

import computer.parachute.hub.core.http.ErrorBodies;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's server-level error handler, for failures that never reach the WAR (a malformed request line, a header over
 * the limit, an ambiguous URI): the same JSON body as the API instead of Jetty's HTML page (DESIGN §6).
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json";
    private static final String NO_STORE = "no-store";

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method gets a body, not only GET/POST/HEAD
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, NO_STORE);
        response.write(true, body(code, message), callback);
    }

    /** Parser-level failures (400 bad request line, 431 headers too large) are answered from here. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        fields.put(HttpHeader.CACHE_CONTROL, NO_STORE);
        return body(status, reason);
    }

    private static ByteBuffer body(int status, String message) {
        String description = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return ByteBuffer.wrap(ErrorBodies.json(ErrorBodies.codeFor(status), description)
                .getBytes(StandardCharsets.UTF_8));
    }
}
