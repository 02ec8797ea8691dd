package computer.parachute.hub.proxy;

import computer.parachute.hub.web.SessionCookie;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the dashboard's session cookie between the browser and the hub: the front door shares the hub's origin with
 * every module, so without this each proxied request would hand a module the operator's session, and a module's
 * {@code Set-Cookie} could plant or replace it.
 */
final class HubCookies {
    private HubCookies() {}

    /** {@code Cookie} header value without the hub's session cookies; null when nothing is left to send. */
    static String withoutHubCookies(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : cookieHeader.split(";")) {
            String trimmed = pair.trim();
            if (!trimmed.isEmpty() && !isHubCookie(trimmed)) {
                kept.add(trimmed);
            }
        }
        return kept.isEmpty() ? null : String.join("; ", kept);
    }

    /** True for a {@code Set-Cookie} value (or a {@code name=value} pair) that names one of the hub's cookies. */
    static boolean isHubCookie(String cookie) {
        return cookie.trim().startsWith(SessionCookie.NAME_PREFIX);
    }
}
