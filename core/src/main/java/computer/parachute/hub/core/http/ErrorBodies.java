package computer.parachute.hub.core.http;

import java.util.Map;

/**
 * The hub's one error shape (DESIGN §6), {@code {"error": code, "error_description": text}}, for the places that
 * answer outside JAX-RS: the launcher's Jetty error handler and the WAR's error page. They render it by hand so a
 * request that never reached Jersey (bad URI, 431, ...) still gets the same body. Also the one status → code table.
 */
public final class ErrorBodies {
    private static final Map<Integer, String> CODES_BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(401, "unauthenticated"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(408, "request_timeout"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload_too_large"),
            Map.entry(414, "uri_too_long"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(421, "misdirected_request"),
            Map.entry(422, "unprocessable_entity"),
            Map.entry(431, "request_header_fields_too_large"),
            Map.entry(500, "internal_error"),
            Map.entry(503, "service_unavailable"));

    private ErrorBodies() {}

    /** The snake_case code for a bare HTTP status ({@code http_<status>} for the rare ones not listed). */
    public static String codeFor(int status) {
        return CODES_BY_STATUS.getOrDefault(status, "http_" + status);
    }

    /** {@code {"error":"<code>","error_description":"<description>"}}, keys in the order Yasson writes them. */
    public static String json(String code, String description) {
        return "{\"error\":" + quote(code) + ",\"error_description\":" + quote(description) + "}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
