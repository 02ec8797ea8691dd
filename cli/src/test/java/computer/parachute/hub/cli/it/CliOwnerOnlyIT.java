package computer.parachute.hub.cli.it;

import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 through the real parachute.jar: under {@code umask 000}, {@code install} and a detached {@code start hub}
 * (pidfile, hub.log, the hub's own hub.db, token and a module's log) leave nothing under PARACHUTE_HOME that group
 * or others can read or write.
 */
class CliOwnerOnlyIT extends FreshHomeScenario {
    @BeforeEach
    void underUmask000() {
        cli.umask = "000";
    }

    @Test
    void underUmask000InstallAndADetachedHubCreateOnlyOwnerOnlyFiles() throws Exception {
        Path module = TestModules.installDir(root.resolve("modules"), "notes");
        Files.createDirectories(module.resolve(".parachute"));
        Files.writeString(module.resolve(".parachute/module.json"), Json.createObjectBuilder().add("name", "notes")
                .add("port", CliProcess.freePort()).add("paths", Json.createArrayBuilder().add("/notes"))
                .add("health", "/health").add("startCmd", Json.createArrayBuilder(TestModules.command(module))).build().toString());
        CliProcess.Result install = cli.run("install", module.toString(), "--no-start");
        assertEquals(0, install.code(), install.all());
        CliProcess.Result start = cli.run("start", "hub");
        assertEquals(0, start.code(), start.all());
        Path moduleLog = cli.home.resolve("notes/logs/notes.log");
        Poll.require(Duration.ofSeconds(30), "the module's first log line", () -> Files.isRegularFile(moduleLog));
        long hubPid = Long.parseLong(Files.readAllLines(cli.home.resolve("hub/run/hub.pid")).get(0).trim());
        assertTrue(Files.readAllLines(Path.of("/proc/" + hubPid + "/status")).contains("Umask:\t0000"),
                "the detached hub inherited umask 000");

        List<String> loose = new ArrayList<>();
        try (Stream<Path> all = Files.walk(cli.home)) {
            for (Path path : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                if (!mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------")) {
                    loose.add(mode + " " + cli.home.relativize(path));
                }
            }
        }
        assertEquals(List.of(), loose, "everything under PARACHUTE_HOME is owner-only");
        for (String name : List.of("services.json", "hub/run/hub.pid", "hub/run/hub.port", "hub/logs/hub.log", "hub.db",
                "hub.db-wal", "operator.token", "notes/logs/notes.log")) {
            assertTrue(Files.exists(cli.home.resolve(name)), name + " was checked");
        }
        CliProcess.Result stop = cli.run("stop", "hub");
        assertEquals(0, stop.code(), stop.all());
    }
}
