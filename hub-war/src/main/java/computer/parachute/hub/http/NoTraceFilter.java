package computer.parachute.hub.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Refuses TRACE on every path with 405 JSON, in every container: a TRACE echo hands a page the request's own headers
 * (cookies included), and proxied module paths would otherwise pass it on. Tomcat's connector already refuses it;
 * the embedded launcher runs without webdefault's constraint, so the app says no itself.
 */
public final class NoTraceFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            JsonErrorResponse.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                    "TRACE is not allowed on this hub");
            return;
        }
        chain.doFilter(request, response);
    }
}
