package computer.parachute.hub.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP to the hub on 127.0.0.1 over {@link HttpURLConnection}: {@code java.net.http} costs ~350 ms at first use
 * in a short-lived CLI (STACK trap 8). Loopback only by construction: the host is never a parameter.
 */
public final class LoopbackHttp {
    /** The loopback host the hub binds (DESIGN §1); never anything else. */
    public static final String HOST = "127.0.0.1";

    /** One answer: the status and the body as text ("" when there was none). */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private LoopbackHttp() {}

    public static Response get(int port, String path, String bearer, Duration timeout) throws IOException {
        return send("GET", port, path, bearer, timeout);
    }

    public static Response post(int port, String path, String bearer, Duration timeout) throws IOException {
        return send("POST", port, path, bearer, timeout);
    }

    public static String url(int port, String path) {
        return "http://" + HOST + ":" + port + path;
    }

    private static Response send(String method, int port, String path, String bearer, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url(port, path)).openConnection();
        try {
            int millis = (int) timeout.toMillis();
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Accept", "application/json");
            if (bearer != null) {
                connection.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            if ("POST".equals(method)) {
                // buffered, not setFixedLengthStreamingMode: in streaming mode a 401 carrying WWW-Authenticate makes
                // HttpURLConnection drop the error body, and the hub's one-line reason (invalid_token...) was lost
                connection.setDoOutput(true);
                try (OutputStream ignored = connection.getOutputStream()) {
                    // empty body (Content-Length: 0): the op is in the path
                }
            }
            int status = connection.getResponseCode();
            return new Response(status, readBody(connection, status));
        } finally {
            connection.disconnect();
        }
    }

    private static String readBody(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
