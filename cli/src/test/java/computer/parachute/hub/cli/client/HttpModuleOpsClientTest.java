package computer.parachute.hub.cli.client;

import computer.parachute.hub.core.token.NoOperatorTokenException;
import computer.parachute.hub.core.token.OperatorTokenException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference §8.4 against a real loopback HTTP server on port 0. */
class HttpModuleOpsClientTest {
    HttpServer server;
    int port;
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String body = "{\"short\":\"vault\",\"state\":{\"status\":\"running\"}}";
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().equals("/wedged")) {
                awaitRelease();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void postsTheOpWithTheBearer() throws Exception {
        HttpModuleOpsClient client = new HttpModuleOpsClient(port, () -> "tok");
        assertEquals("vault", client.operate("vault", "start").getString("short"));
        assertEquals(List.of("POST /api/modules/vault/start Bearer tok"), seen);
    }

    @Test
    void nonTwoXxCarriesStatusAndCodeFromTheBody() {
        status = 400;
        body = "{\"error\":\"not_installed\",\"error_description\":\"vault is not installed\"}";
        ModuleOpHttpException e = assertThrows(ModuleOpHttpException.class, () -> new HttpModuleOpsClient(port, () -> "t").operate("vault", "start"));
        assertEquals(400, e.status());
        assertEquals("not_installed", e.code());
        assertEquals("not_installed: vault is not installed", e.getMessage());
    }

    @Test
    void bodylessErrorGetsTheDefaults() {
        status = 500;
        body = "<html>oops</html>";
        ModuleOpHttpException e = assertThrows(ModuleOpHttpException.class, () -> new HttpModuleOpsClient(port, () -> "t").operate("notes", "stop"));
        assertEquals("error: request failed", e.getMessage());
    }

    @Test
    void missingTokenFailsBeforeAnyRequest() {
        assertThrows(NoOperatorTokenException.class, () -> new HttpModuleOpsClient(port, () -> {
            throw new NoOperatorTokenException(java.nio.file.Path.of("/x/operator.token"));
        }).modules());
        assertTrue(seen.isEmpty());
    }

    @Test
    void modulesParsesSupervisorFieldsLeniently() throws Exception {
        body = "{\"modules\":[{\"short\":\"vault\",\"installed\":true,\"supervisor_status\":\"crashed\",\"pid\":null,"
                + "\"start_error\":{\"error_type\":\"missing_dependency\",\"error_description\":\"x\",\"binary\":\"parachute-vault\"}},"
                + "{\"no_short\":1}, 7]}";
        List<ModuleSnapshot> modules = new HttpModuleOpsClient(port, () -> "t").modules();
        assertEquals(1, modules.size());
        assertEquals("crashed", modules.get(0).supervisorStatus());
        assertEquals("parachute-vault", modules.get(0).startErrorBinary());
        body = "{\"other\":true}";
        assertEquals(List.of(), new HttpModuleOpsClient(port, () -> "t").modules(), "no modules array is an empty list");
    }

    @Test
    void wedgedHubTimesOutQuickly() {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            awaitRelease();
            exchange.close();
        });
        long start = System.nanoTime();
        ModuleOpHttpException e = assertThrows(ModuleOpHttpException.class,
                () -> new HttpModuleOpsClient(port, () -> "t", Duration.ofMillis(200), Duration.ofMillis(200)).modules());
        assertEquals("request_timeout", e.code());
        assertTrue(e.getMessage().contains("did not answer within 200ms"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    }
}
