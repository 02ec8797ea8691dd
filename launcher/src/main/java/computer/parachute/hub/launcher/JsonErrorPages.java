package computer.parachute.hub.launcher;

import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;

/**
 * The hub context's error handler: web.xml's error page (the WAR's JSON error servlet) for every method. Jetty's
 * default serves error pages to GET, POST and HEAD only, so an error the container raised for TRACE, PUT, DELETE,
 * ... had no body (found with webdefault's TRACE constraint, a bodyless 403; DESIGN §6: every error answers JSON).
 */
final class JsonErrorPages extends ErrorPageErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }
}
