package computer.parachute.hub.http;

import computer.parachute.hub.app.RunningHub;
import computer.parachute.hub.core.token.HubOrigins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DESIGN §12: the WAR answers only requests addressed to loopback, its bound address or its configured origin. */
class LoopbackHostFilterTest {
    private static final int TIMEOUT_MS = 5_000;

    @TempDir
    Path home;
    private RunningHub hub;

    @BeforeEach
    void startHub() throws Exception {
        hub = RunningHub.start(home, app -> { });
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.close();
    }

    @Test
    void aRebindableHostIsRefusedWith421JsonOnEveryPathAndMethod() throws Exception {
        for (String request : List.of("GET /health", "GET /api/modules", "POST /api/modules/x/start", "GET /nowhere",
                "OPTIONS /health", "DELETE /api/modules")) {
            for (String host : List.of("evil.example", "evil.example:" + port(), "127.0.0.1.evil.example",
                    "localhost.evil.example", "0.0.0.0:" + port(), "[::]", "::1")) {
                String answer = send(request + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 421 "), request + " Host: " + host + " → " + answer);
                assertTrue(answer.contains("application/json"), answer);
                assertTrue(answer.contains("{\"error\":\"misdirected_request\",\"error_description\":\"this hub does"
                        + " not answer for host"), answer);
            }
        }
    }

    @Test
    void anAcceptedHostRemembersNothingThatLetsTheNextRequestsHostIn() throws Exception {
        // the filter remembers the last accepted Host: alternating accepted and refused names still refuses each one
        for (int round = 0; round < 3; round++) {
            for (String host : List.of("127.0.0.1:" + port(), "evil.example:" + port(), "localhost:" + port(),
                    "localhost.evil.example:" + port(), "127.0.0.1:" + port())) {
                String answer = send("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
                String expected = host.contains("evil") ? "HTTP/1.1 421 " : "HTTP/1.1 200 ";
                assertTrue(answer.startsWith(expected), "Host: " + host + " → " + answer);
            }
        }
        String absolute = send("GET http://evil.example:" + port() + "/health HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nConnection: close\r\n\r\n");
        assertFalse(absolute.startsWith("HTTP/1.1 200 "), "an absolute URI naming another host, after that Host was"
                + " accepted alone: " + absolute);
    }

    @Test
    void withoutAHostHeaderTheHostOfAnAbsoluteRequestUriIsChecked() throws Exception {
        String proxied = send("GET http://evil.example:" + port() + "/health HTTP/1.0\r\n\r\n");
        assertTrue(proxied.startsWith("HTTP/1.1 421 "), proxied);
        assertTrue(proxied.contains("\"error\":\"misdirected_request\""), proxied);
        String plain = send("GET /health HTTP/1.0\r\n\r\n");
        assertTrue(plain.startsWith("HTTP/1.1 200 "), "HTTP/1.0 has no Host: the local address is used: " + plain);
    }

    @Test
    void loopbackNamesInEverySpellingAreServed() throws Exception {
        for (String host : List.of("127.0.0.1:" + port(), "127.0.0.1", "localhost", "LOCALHOST:" + port(),
                "localhost.", "[::1]:" + port(), "[::1]", "[0:0:0:0:0:0:0:1]", "127.8.9.10:" + port())) {
            String answer = send("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200 "), "Host: " + host + " → " + answer);
            assertTrue(answer.contains("\"service\":\"parachute-hub\""), answer);
        }
    }

    @Test
    void theBoundAddressAndTheConfiguredOriginAreAnsweredOnAndNothingElse() {
        Set<String> answered = HubOrigins.answeredHosts("192.168.7.7", Optional.of("https://hub.example.org/"));
        assertEquals(Set.of("192.168.7.7", "hub.example.org"), answered);
        LoopbackHostFilter filter = new LoopbackHostFilter(answered);
        assertTrue(filter.answers("192.168.7.7", "127.0.0.1"));
        assertTrue(filter.answers("hub.example.org", "127.0.0.1"));
        assertTrue(filter.answers("10.1.2.3", "10.1.2.3"), "the literal the connection arrived on");
        assertTrue(filter.answers("[fe80::1]", "fe80::1"));
        assertFalse(filter.answers("10.1.2.3", "10.1.2.4"));
        assertFalse(filter.answers("evil.hub.example.org", "127.0.0.1"));
        assertFalse(filter.answers("hub.example.org.evil", "127.0.0.1"));
        assertFalse(filter.answers("0.0.0.0", "127.0.0.1"), "a wildcard is never a name to be reached on");
    }

    @Test
    void hostHeaderParsingDropsThePortAndRefusesJunk() {
        assertEquals(Optional.of("localhost"), HostHeader.hostName("LocalHost:1939"));
        assertEquals(Optional.of("[::1]"), HostHeader.hostName("[::1]:1939"));
        assertEquals(Optional.of("localhost"), HostHeader.hostName("localhost."));
        assertEquals(Optional.of("localhost"), HostHeader.hostName("localhost:"));
        for (String junk : List.of("", ":1939", "::1", "localhost:port", "localhost:1939:1", "[::1", "localhost:123456")) {
            assertEquals(Optional.empty(), HostHeader.hostName(junk), junk);
        }
        assertEquals("[::1]", HostHeader.serverName("::1"));
        assertEquals("localhost", HostHeader.serverName("LOCALHOST."));
    }

    private int port() {
        return hub.uri("/").getPort();
    }

    /** One request over a raw loopback socket (an HTTP client would not let a test choose the Host header). */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while (bytes.size() < 1 << 20 && (n = in.read(buffer)) > 0) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // keep what arrived
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
