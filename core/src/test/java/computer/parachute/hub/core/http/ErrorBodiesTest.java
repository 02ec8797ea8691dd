package computer.parachute.hub.core.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorBodiesTest {
    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("{\"error\":\"bad_request\",\"error_description\":\"a \\\"b\\\" \\\\ c\\n\\u0001\"}",
                ErrorBodies.json("bad_request", "a \"b\" \\ c\n\u0001"));
    }

    @Test
    void namesKnownStatusesAndFallsBackForOthers() {
        assertEquals("request_header_fields_too_large", ErrorBodies.codeFor(431));
        assertEquals("http_418", ErrorBodies.codeFor(418));
    }
}
