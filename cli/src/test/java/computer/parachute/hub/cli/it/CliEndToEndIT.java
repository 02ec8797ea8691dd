package computer.parachute.hub.cli.it;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real parachute.jar as a subprocess against the real launcher.jar: detached start, status, stop; the
 * hub-down, token-missing and port-taken messages. The hub a test starts is killed by pid afterwards.
 */
class CliEndToEndIT extends FreshHomeScenario {
    @Test
    void hubDownMessages() throws Exception {
        CliProcess.Result status = cli.run("status");
        assertEquals(0, status.code(), status.all());
        assertTrue(status.stdout().contains("parachute-hub (internal)") && status.stdout().contains("inactive"), status.all());

        CliProcess.Result typo = cli.run("stop", "vault");
        assertEquals(1, typo.code(), "no services.json row: not installed, even with the hub down: " + typo.all());
        assertEquals("✗ vault is not installed — run `parachute install vault` first, then `parachute start vault`.\n",
                typo.stderr());
        new ServicesRegistry(cli.home.resolve("services.json")).upsert(ServiceEntry.of("parachute-vault", 1940,
                java.util.List.of("/vault/default"), "/health", "0.3.1"));
        CliProcess.Result stopVault = cli.run("stop", "vault");
        assertEquals(0, stopVault.code(), stopVault.all());
        assertEquals("✓ vault already stopped (the hub isn't running, so its modules are down).\n", stopVault.stdout());

        CliProcess.Result stopHub = cli.run("stop", "hub");
        assertEquals(0, stopHub.code());
        assertEquals("hub wasn't running.\n", stopHub.stdout());

        CliProcess.Result unknown = cli.run("frobnicate");
        assertEquals(2, unknown.code());
    }

    @Test
    void portTakenByAForeignProcessNamesTheHolder() throws Exception {
        try (ServerSocket squatter = new ServerSocket(cli.hubPort, 50, InetAddress.getLoopbackAddress())) {
            CliProcess.Result result = cli.run("start", "hub");
            assertEquals(1, result.code(), result.all());
            assertTrue(result.stderr().startsWith("✗ hub: port " + cli.hubPort + " unavailable — pid " + ProcessHandle.current().pid()), result.all());
            assertFalse(Files.exists(cli.home.resolve("hub/run/hub.pid")));
        }
    }

    @Test
    void detachedStartStatusStop() throws Exception {
        assertTrue(CliProcess.launcherRunnable(), "launcher.jar must be built and runnable (mvn verify builds it)");
        CliProcess.Result start = cli.run("start", "hub");
        assertEquals(0, start.code(), start.all());
        assertTrue(start.stdout().startsWith("✓ hub started (pid "), start.all());
        long pid = Long.parseLong(Files.readAllLines(cli.home.resolve("hub/run/hub.pid")).get(0).trim());

        CliProcess.Result again = cli.run("start", "hub");
        assertEquals("hub already running (pid " + pid + ") on port " + cli.hubPort + ".\n", again.stdout());

        CliProcess.Result status = cli.run("status");
        assertEquals(0, status.code(), status.all());
        String hubRow = status.stdout().lines().filter(l -> l.startsWith("parachute-hub")).findFirst().orElseThrow();
        assertTrue(hubRow.contains(" active ") && hubRow.contains(Long.toString(pid)) && hubRow.endsWith("detached"), hubRow);

        // the hub mints operator.token on its first start; without it a module verb is one actionable line
        Files.deleteIfExists(cli.home.resolve("operator.token"));
        CliProcess.Result noToken = cli.run("start", "vault");
        assertEquals(1, noToken.code(), noToken.all());
        assertTrue(noToken.stderr().contains("✗ vault: no operator token — run `parachute auth rotate-operator`"), noToken.all());

        CliProcess.Result stop = cli.run("stop", "hub");
        assertEquals(0, stop.code(), stop.all());
        assertEquals("✓ hub stopped.\n", stop.stdout());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
