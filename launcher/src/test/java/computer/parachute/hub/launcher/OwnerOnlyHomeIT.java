package computer.parachute.hub.launcher;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 through the real launcher.jar: under {@code umask 000} everything the hub creates in PARACHUTE_HOME is
 * owner-only (hub.db-wal/-shm and a module's log included), and StrictModes refuses an unsafe home with exit 2 and
 * one line naming the path and the chmod, and tightens what the hub owns.
 */
class OwnerOnlyHomeIT {
    @TempDir Path dir;

    @Test
    void underUmask000EveryFileTheHubCreatesIsOwnerOnly() throws Exception {
        Path home = dir.resolve("home");
        Path module = TestModules.installDir(dir.resolve("modules"), "vault");
        int modulePort = HubProcess.freePort();
        Files.createDirectories(module.resolve(".parachute"));
        Files.writeString(module.resolve(".parachute/module.json"), Json.createObjectBuilder().add("name", "vault")
                .add("port", modulePort).add("paths", Json.createArrayBuilder().add("/vault")).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder(TestModules.command(module))).build().toString());
        new ServicesRegistry(home.resolve("services.json")).upsert(ServiceEntry.of("vault", modulePort, List.of("/vault"),
                "/health", "1").withInstallDir(module.toString()));
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of(), "000")) {
            hub.awaitHealthy();
            Path moduleLog = home.resolve("vault/logs/vault.log");
            Poll.require(Duration.ofSeconds(20), "the module's first log line", () -> Files.isRegularFile(moduleLog));
            assertTrue(Files.exists(home.resolve("hub.db-wal")) && Files.exists(home.resolve("hub.db-shm")), hub.output());

            List<String> loose = new ArrayList<>();
            try (Stream<Path> all = Files.walk(home)) {
                for (Path path : all.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                    String wanted = Files.isDirectory(path) ? "rwx------" : "rw-------";
                    if (!mode.equals(wanted)) {
                        loose.add(mode + " " + home.relativize(path));
                    }
                }
            }
            assertEquals(List.of(), loose, "everything under PARACHUTE_HOME is owner-only" + hub.output());
            for (String name : List.of("hub.db", "hub.db-wal", "hub.db-shm", "operator.token", "hub-instance.json",
                    "hub/run/hub.port", "vault/logs/vault.log")) {
                assertTrue(Files.exists(home.resolve(name)), name + " was checked");
            }
            // the hub really ran under umask 000 (Linux reports it since 4.7)
            assertTrue(Files.readAllLines(Path.of("/proc/" + hub.process.pid() + "/status")).contains("Umask:\t0000"),
                    "the hub's umask is 000");
        }
    }

    @Test
    void aGroupWritableHomeIsRefusedWithExit2AndOneLineNamingTheChmod() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxr-x"));
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of())) {
            assertEquals(Launcher.EXIT_BAD_CONFIG, hub.awaitExit(), hub.output());
            assertEquals(List.of("parachute hub: refusing to start: " + home + " is writable by group/others (mode 0775),"
                    + " so another user could read the hub's signing key or change what it runs — run: chmod 700 " + home),
                    hub.stderr().lines().toList());
            assertFalse(Files.exists(home.resolve("hub.db")), "nothing was opened in a refused home");
        }
    }

    @Test
    void aWorldWritableHubDbIsRefusedAndAReadableOneIsTightened() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path db = home.resolve("hub.db");
        Files.createFile(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-rw-"));
        int port = HubProcess.freePort();
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of())) {
            assertEquals(Launcher.EXIT_BAD_CONFIG, hub.awaitExit(), hub.output());
            assertEquals(List.of("parachute hub: refusing to start: " + db + " is writable by group/others (mode 0666),"
                    + " so another user could read the hub's signing key or change what it runs — run: chmod 600 " + db),
                    hub.stderr().lines().toList());
        }

        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        try (HubProcess hub = HubProcess.start(home, String.valueOf(port), port, Map.of())) {
            hub.awaitHealthy();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
            assertTrue(hub.stderr().contains("parachute hub: tightened " + db + " from 0644 to 0600"), hub.output());
        }
    }
}
