package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code install <dir>} / {@code uninstall <svc>}: validation, port choice, the services.json row, start/stop via the API. */
class ModuleRegistrationTest {
    @TempDir
    Path root;
    FakeEnvironment env;
    Path module;
    ServicesRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        env = new FakeEnvironment(root.resolve("home"));
        registry = new ServicesRegistry(env.home.servicesJson());
        module = root.resolve("notes-module");
        Files.createDirectories(module.resolve(".parachute"));
        Files.writeString(module.resolve(".parachute/module.json"), "{\"name\":\"notes\",\"port\":1944,\"paths\":[\"/notes\"],"
                + "\"health\":\"/health\",\"startCmd\":[\"python3\",\"serve.py\"]}");
    }

    @Test
    void registersTheModuleWithItsOwnPortAndInstallDir() throws Exception {
        assertEquals(0, env.run("install", module.toString()));
        ServiceEntry row = registry.readStrict().get(0);
        assertEquals("notes", row.name());
        assertEquals(1944, row.port());
        assertEquals(module.toString(), row.installDir());
        assertTrue(env.stdout().contains("✓ registered notes (notes) on port 1944 from " + module), env.stdout());
        assertTrue(env.stdout().contains("Start it with `parachute start notes`."));
        assertTrue(env.ops.calls.isEmpty(), "hub down: nothing started");
    }

    @Test
    void takenPortMovesToTheNextFreeOneSkippingTheHubAndListeners() throws Exception {
        registry.upsert(ServiceEntry.of("parachute-vault", 1944, List.of("/vault"), "/health", "1"));
        registry.upsert(ServiceEntry.of("parachute-channel", 1940, List.of("/channel"), "/health", "1"));
        Set<Integer> listening = Set.of(1941);
        env.portProbe = listening::contains;
        assertEquals(0, env.run("install", module.toString()));
        assertEquals(1942, registry.readLenient().byName("notes").orElseThrow().port(), "1939 hub, 1940 row, 1941 listening");
        assertTrue(env.stdout().contains("its module.json asks for port 1944, which is taken"));
    }

    @Test
    void explicitTakenPortIsAClearError() throws Exception {
        registry.upsert(ServiceEntry.of("parachute-vault", 1950, List.of("/vault"), "/health", "1"));
        assertEquals(1, env.run("install", module.toString(), "--port", "1950"));
        assertTrue(env.stderr().startsWith("✗ port 1950 is taken"), env.stderr());
        assertEquals(1, registry.readStrict().size());
    }

    @Test
    void missingOrInvalidModuleJsonNamesTheFile() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertEquals(1, env.run("install", empty.toString()));
        assertTrue(env.stderr().startsWith("✗ " + empty.resolve(".parachute/module.json") + ": does not exist"), env.stderr());

        Files.writeString(module.resolve(".parachute/module.json"), "{\"name\":\"notes\",\"port\":1944}");
        assertEquals(1, env.run("install", module.toString()));
        assertTrue(env.stderr().contains(module.resolve(".parachute/module.json").toString()), env.stderr());
        assertTrue(registry.readStrict().isEmpty());
    }

    /** Issue 9: a name that maps onto the hub's own files is refused before services.json is touched. */
    @Test
    void aReservedModuleNameIsRefused() throws Exception {
        for (String name : List.of("hub", "hub.db-wal", "operator.token")) {
            Files.writeString(module.resolve(".parachute/module.json"), "{\"name\":\"" + name + "\",\"port\":1944,"
                    + "\"paths\":[],\"health\":\"/health\",\"startCmd\":[\"python3\",\"serve.py\"]}");
            assertEquals(1, env.run("install", module.toString()), name);
            assertTrue(env.stderr().contains("\"" + name + "\" is reserved for the hub's own files"), env.stderr());
            assertFalse(Files.exists(env.home.servicesJson()), "services.json untouched for " + name);
        }
    }

    @Test
    void theHubsOwnPortIsRefused() throws Exception {
        env.env.put(computer.parachute.hub.cli.hub.HubPorts.PORT_ENV, "1960");
        assertEquals(1, env.run("install", module.toString(), "--port", "1960"));
        assertTrue(env.stderr().startsWith("✗ port 1960 is taken (by the hub"), env.stderr());
        assertFalse(Files.exists(env.home.servicesJson()));
    }

    /** Issue 9: a symlinked services.json (dotfiles) stays a symlink; its target is rewritten and keeps its mode. */
    @Test
    void aSymlinkedServicesJsonStaysASymlinkAndKeepsItsMode() throws Exception {
        Path dotfiles = Files.createDirectories(root.resolve("dotfiles"));
        Path real = Files.writeString(dotfiles.resolve("services.json"), "{\"services\": []}\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(env.home.root());
        Files.createSymbolicLink(env.home.servicesJson(), real);

        assertEquals(0, env.run("install", module.toString()), env.stderr());

        assertTrue(Files.isSymbolicLink(env.home.servicesJson()), "still a symlink");
        assertEquals(real, Files.readSymbolicLink(env.home.servicesJson()));
        assertTrue(Files.readString(real).contains("\"notes\""), Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    /** Issue 9: an oversized or non-regular services.json is a clear error, never a hang or an OOM, and is left alone. */
    @Test
    void anOversizedOrFifoServicesJsonIsAClearError() throws Exception {
        Files.createDirectories(env.home.root());
        Files.writeString(env.home.servicesJson(), "{\"services\": []}" + " ".repeat(1024 * 1024));
        long size = Files.size(env.home.servicesJson());
        assertEquals(1, env.run("install", module.toString()));
        assertTrue(env.stderr().contains(env.home.servicesJson() + ": is " + size + " bytes, over the 1 MiB (1048576 bytes) limit"),
                env.stderr());
        assertEquals(size, Files.size(env.home.servicesJson()));

        Files.delete(env.home.servicesJson());
        Process mkfifo = new ProcessBuilder("mkfifo", env.home.servicesJson().toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> env.run("install", module.toString()));
        assertEquals(1, exit);
        assertTrue(env.stderr().contains("is a FIFO (named pipe), not a regular file"), env.stderr());
    }

    @Test
    void aPathShadowingAHubRouteIsRefusedAndNothingIsRegistered() throws Exception {
        Files.writeString(module.resolve(".parachute/module.json"), "{\"name\":\"notes\",\"port\":1944,\"paths\":[\"/notes\",\"/api/notes\"],"
                + "\"health\":\"/health\",\"startCmd\":[\"python3\",\"serve.py\"]}");
        env.health.up = true;
        assertEquals(1, env.run("install", module.toString()));
        assertTrue(env.stderr().contains("path \"/api/notes\" is the hub's own route"), env.stderr());
        assertTrue(registry.readStrict().isEmpty());
        assertTrue(env.ops.calls.isEmpty());
    }

    @Test
    void runningHubStartsTheNewModule() throws Exception {
        env.health.up = true;
        assertEquals(0, env.run("install", module.toString()));
        assertEquals(List.of("notes:start"), env.ops.calls);
        assertTrue(env.stdout().endsWith("✓ notes started.\n"));
    }

    @Test
    void uninstallStopsThenRemovesTheRow() throws Exception {
        env.run("install", module.toString());
        env.health.up = true;
        assertEquals(0, env.run("uninstall", "notes"));
        assertEquals(List.of("notes:stop"), env.ops.calls);
        assertTrue(registry.readStrict().isEmpty());
        assertTrue(Files.exists(module.resolve(".parachute/module.json")), "module files untouched");
    }

    @Test
    void uninstallKeepsTheRowWhenTheStopFails() throws Exception {
        env.run("install", module.toString());
        env.health.up = true;
        env.ops.failures.put("stop", new ModuleOpHttpException(500, "module_op_failed", "notes stop failed: x"));
        assertEquals(1, env.run("uninstall", "notes"));
        assertEquals(1, registry.readStrict().size());
        assertTrue(env.stderr().contains("nothing was removed"));
    }

    @Test
    void uninstallOfUnknownModuleFails() {
        assertEquals(1, env.run("uninstall", "ghost"));
        assertTrue(env.stderr().startsWith("✗ ghost is not installed"), env.stderr());
    }
}
