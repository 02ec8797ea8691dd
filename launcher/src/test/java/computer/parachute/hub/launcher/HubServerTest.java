package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.home.HubHome;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production factory on port 0 (STYLE rule 12), in this JVM, over the real embedded WAR. */
class HubServerTest {
    @TempDir
    Path dir;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            HubShutdown.stop(server);
        }
    }

    private HubConfig config(String homeName, int port) {
        return new HubConfig(new HubHome(dir.resolve(homeName)), port, "127.0.0.1", Optional.empty(),
                HubConfig.newInstanceId());
    }

    @Test
    void servesTheWarOnTheBoundPortAndPassesTheInstanceThrough() throws Exception {
        HubConfig config = config("home", 0);
        server = HubServer.create(config, EmbeddedWar.explode(dir.resolve("cache")));
        HubServer.bind(server);
        server.start();
        int port = HubServer.boundPort(server);
        assertTrue(port > 0);

        HttpURLConnection health = open(port, "/health");
        assertEquals(200, health.getResponseCode());
        assertTrue(body(health).contains("\"instance\":\"" + config.instanceId() + "\""));
    }

    @Test
    void aTakenPortFailsAtBindBeforeTheSecondWarBoots() throws Exception {
        server = HubServer.create(config("first", 0), EmbeddedWar.explode(dir.resolve("cache")));
        HubServer.bind(server);
        server.start();
        int port = HubServer.boundPort(server);

        Server second = HubServer.create(config("second", port), EmbeddedWar.explode(dir.resolve("cache")));
        PortInUseException e = assertThrows(PortInUseException.class, () -> HubServer.bind(second));
        assertEquals(port, e.port());
        assertFalse(Files.exists(dir.resolve("second")), "the second WAR must not have booted");
    }

    private static HttpURLConnection open(int port, String path) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(5_000);
        return connection;
    }

    private static String body(HttpURLConnection connection) throws Exception {
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
