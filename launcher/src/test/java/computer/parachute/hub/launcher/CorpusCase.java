package computer.parachute.hub.launcher;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One hostile request of the bad-input corpus and the answer it must get: status and error code (null: no error). */
record CorpusCase(String name, byte[] request, boolean halfClose, int status, String code) {
    static final String HOST = "Host: 127.0.0.1\r\n";

    /** A well-formed request: method, target, extra header lines (each ending CRLF) and an optional body. */
    static CorpusCase http(String name, String method, String target, String headers, String body, int status, String code) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n").append(HOST)
                .append("Connection: close\r\n").append(headers);
        if (body != null) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        text.append("\r\n");
        if (body != null) {
            text.append(body);
        }
        return new CorpusCase(name, text.toString().getBytes(StandardCharsets.UTF_8), false, status, code);
    }

    /** Bytes exactly as given. */
    static CorpusCase raw(String name, String request, boolean halfClose, int status, String code) {
        return new CorpusCase(name, request.getBytes(StandardCharsets.UTF_8), halfClose, status, code);
    }

    static String bearer(String token) {
        return token == null ? "" : "Authorization: " + token + "\r\n";
    }

    /** Tally of outcomes, in first-seen order. */
    static final class Tally {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        int total;
        int serverErrors;
        int stackTraces;

        void add(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
            total++;
        }

        String summary() {
            StringBuilder line = new StringBuilder("bad-input corpus: " + total + " cases — ");
            counts.forEach((outcome, n) -> line.append(outcome).append(": ").append(n).append(", "));
            return line.append("5xx: ").append(serverErrors).append(", stack traces: ").append(stackTraces).toString();
        }
    }
}
