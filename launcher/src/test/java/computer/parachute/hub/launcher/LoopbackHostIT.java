package computer.parachute.hub.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §12 through the real launcher.jar: a request whose Host a hostile page could have rebound to 127.0.0.1 gets
 * 421 JSON on every path, the admin token notwithstanding; loopback names and the configured origin are served.
 */
class LoopbackHostIT {
    private static final String ORIGIN_HOST = "hub.example.test";

    @TempDir
    Path dir;

    @Test
    void onlyLoopbackNamesAndTheConfiguredOriginAreServed() throws Exception {
        Path home = dir.resolve("home");
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port,
                Map.of("PARACHUTE_HUB_ORIGIN", "https://" + ORIGIN_HOST))) {
            hub.awaitHealthy();
            String admin = "Authorization: Bearer " + Files.readString(home.resolve("operator.token")).trim() + "\r\n";

            for (String target : List.of("GET /health", "GET /api/modules", "POST /api/modules/ghost/start",
                    "GET /nowhere", "DELETE /health", "BREW /health")) {
                for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.nip.example:" + port)) {
                    RawHttp.Answer answer = RawHttp.send(port, request(target, "Host: " + host + "\r\n" + admin));
                    assertEquals(421, answer.status(), target + " Host: " + host + " → " + answer);
                    assertTrue(answer.header("content-type").startsWith("application/json"), answer.head());
                    assertTrue(answer.body().startsWith("{\"error\":\"misdirected_request\",\"error_description\":"),
                            answer.body());
                }
            }
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "localhost", "[::1]:" + port,
                    "127.0.0.2", ORIGIN_HOST, ORIGIN_HOST + ":443")) {
                RawHttp.Answer health = RawHttp.send(port, request("GET /health", "Host: " + host + "\r\n"));
                assertEquals(200, health.status(), "Host: " + host + " → " + health);
                RawHttp.Answer modules = RawHttp.send(port, request("GET /api/modules", "Host: " + host + "\r\n" + admin));
                assertEquals(200, modules.status(), "Host: " + host + " → " + modules);
            }
            RawHttp.Answer noHost = RawHttp.send(port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertEquals(400, noHost.status(), noHost.toString());
            assertTrue(noHost.body().startsWith("{\"error\":\"bad_request\",\"error_description\":"), noHost.body());
        }
    }

    private static String request(String target, String headers) {
        return target + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n";
    }
}
