package computer.parachute.hub.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Test-only: a servlet outside Jersey that fails the container way, through {@code sendError}. */
public class SendErrorServlet extends HttpServlet {
    static final String PATH = "/test-send-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "down for <maintenance>");
    }
}
