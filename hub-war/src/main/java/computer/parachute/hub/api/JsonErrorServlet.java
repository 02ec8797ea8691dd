package computer.parachute.hub.api;

import computer.parachute.hub.core.http.ErrorBodies;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The WAR's {@code <error-page>} target: errors the servlet container raises itself inside this context (before or
 * around Jersey) answer with the same JSON body as the API instead of the container's HTML page (DESIGN §6).
 */
public final class JsonErrorServlet extends HttpServlet {
    /** Where web.xml sends every error; a direct request to it is just a 404. */
    public static final String PATH = "/hub-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String description = "TRACE".equals(request.getMethod()) ? "TRACE is not allowed on this hub"
                : message == null || message.toString().isBlank() ? "HTTP " + status : message.toString();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ErrorBodies.json(ErrorBodies.codeFor(status), description));
    }
}
