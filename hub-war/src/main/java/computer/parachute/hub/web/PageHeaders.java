package computer.parachute.hub.web;

import jakarta.ws.rs.core.Response;

/**
 * What every dashboard page and asset answers with: nothing loads from elsewhere, no other page may frame it
 * (clickjacking of the start/stop buttons), no referrer leaves it (a login link's code in particular).
 */
final class PageHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private PageHeaders() {}

    static Response.ResponseBuilder apply(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
