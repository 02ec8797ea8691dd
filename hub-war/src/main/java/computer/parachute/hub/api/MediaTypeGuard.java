package computer.parachute.hub.api;

import computer.parachute.hub.http.JsonErrorResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.Collections;

/**
 * A servlet filter in front of Jersey that refuses an unparseable {@code Content-Type} or {@code Accept} with our JSON
 * 400. Jersey parses the content type before any JAX-RS filter runs and answers a bad one with a bare, bodyless 400
 * that no exception mapper sees (found by the bad-input corpus).
 */
public final class MediaTypeGuard extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType)) {
            refuse(response, HttpHeaders.CONTENT_TYPE, contentType);
            return;
        }
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !parses(range)) {
                    refuse(response, HttpHeaders.ACCEPT, accept);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean parses(String value) {
        try {
            MediaType.valueOf(value.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, String header, String value) throws IOException {
        JsonErrorResponse.send(response, HttpServletResponse.SC_BAD_REQUEST, "bad_request",
                header + " is not a media type: \"" + JsonErrorResponse.shown(value) + "\"");
    }
}
