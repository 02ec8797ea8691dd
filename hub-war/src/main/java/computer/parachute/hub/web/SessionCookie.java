package computer.parachute.hub.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import java.time.Duration;

/**
 * The dashboard's session cookie: {@code HttpOnly} (page scripts never see it), {@code SameSite=Strict} (no other
 * site's page or link sends it), {@code Path=/}. Browsers share cookies across the ports of one host, so the name
 * carries the hub's port: two hubs on one machine never read each other's cookie.
 */
public final class SessionCookie {
    /** Every hub's session cookie starts with this; the front door never passes such a cookie to a module. */
    public static final String NAME_PREFIX = "parachute_session_";

    private SessionCookie() {}

    public static String name(int port) {
        return NAME_PREFIX + port;
    }

    /** The cookie's value from the request, or null. */
    static String read(ContainerRequestContext request, int port) {
        Cookie cookie = request.getCookies().get(name(port));
        return cookie == null ? null : cookie.getValue();
    }

    /** The header that sets the cookie for {@code maxAge} (the session's absolute lifetime). */
    static String set(int port, String value, Duration maxAge) {
        return name(port) + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict";
    }

    /** The header that removes the cookie. */
    static String clear(int port) {
        return name(port) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }
}
