package computer.parachute.hub.http;

import computer.parachute.hub.core.http.ErrorBodies;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes the API's error body from servlet code that runs outside Jersey (filters in front of it). */
public final class JsonErrorResponse {
    private static final int SHOWN_CHARS = 80;

    private JsonErrorResponse() {}

    public static void send(HttpServletResponse response, int status, String code, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ErrorBodies.json(code, description));
    }

    /** A client-supplied value made safe to echo: at most 80 characters, control characters as {@code ?}. */
    public static String shown(String value) {
        String cut = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
