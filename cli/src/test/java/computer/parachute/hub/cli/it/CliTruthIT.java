package computer.parachute.hub.cli.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 "the CLI tells the truth": the real parachute.jar against a real hub. A start or restart that leaves the
 * module down exits 1 with its startError (code, message, fix) and never prints ✓; a stop of a name that is not
 * installed exits 1 with start's "not installed" line.
 */
class CliTruthIT extends RunningHubScenario {
    private static final String NOT_INSTALLED = "✗ typo is not installed — run `parachute install typo` first, then"
            + " `parachute start typo`.\n";

    @Test
    void aModuleWhoseBinaryIsMissingFailsStartAndRestartWithItsStartError() throws Exception {
        Path dir = module("nobin", "[\"parachute-no-such-binary-9\"]");
        CliProcess.Result install = cli.run("install", "--no-start", dir.toString());
        assertEquals(0, install.code(), install.all());

        for (String verb : new String[] {"start", "restart"}) {
            CliProcess.Result result = cli.run(verb, "nobin");
            assertEquals(1, result.code(), verb + ": " + result.all());
            assertFalse(result.stdout().contains("✓ nobin"), result.all());
            assertEquals("✗ nobin failed to " + verb + ": crashed (missing_dependency) — nobin cannot start:"
                    + " \"parachute-no-such-binary-9\" was not found on its PATH — install it (or add its directory to"
                    + " PATH), then run: parachute start nobin\n", result.stderr(), verb);
        }
    }

    @Test
    void aModuleThatCannotBeExecutedFailsStartWithTheChmodFix() throws Exception {
        Path dir = module("noexec", "[\"./serve.sh\"]");
        Path script = Files.writeString(dir.resolve("serve.sh"), "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, cli.run("install", "--no-start", dir.toString()).code());
        CliProcess.Result start = cli.run("start", "noexec");
        assertEquals(1, start.code(), start.all());
        assertTrue(start.stderr().startsWith("✗ noexec failed to start: crashed (non_executable) — noexec cannot start: "),
                start.all());
        assertTrue(start.stderr().contains("serve.sh is not executable — fix it with: chmod +x "), start.all());
    }

    @Test
    void aChildWhoseExecFailsIsAFailureNotASuccess() throws Exception {
        Path dir = module("badinterp", "[\"./serve.sh\"]");
        // executable, so preflight passes, but its interpreter does not exist: the child exits 127 at once
        Path script = Files.writeString(dir.resolve("serve.sh"), "#!/nonexistent/interpreter-9\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, cli.run("install", "--no-start", dir.toString()).code());
        for (String verb : new String[] {"start", "restart"}) {
            CliProcess.Result result = cli.run(verb, "badinterp");
            assertEquals(1, result.code(), verb + ": " + result.all());
            assertTrue(result.stderr().startsWith("✗ badinterp failed to " + verb + ": "), result.all());
            assertFalse(result.stdout().contains("✓"), result.all());
        }
    }

    @Test
    void stopOfANameThatIsNotInstalledExitsOneLikeStart() throws Exception {
        CliProcess.Result stop = cli.run("stop", "typo");
        assertEquals(1, stop.code(), stop.all());
        assertEquals(NOT_INSTALLED, stop.stderr());
        assertEquals("", stop.stdout());
        CliProcess.Result start = cli.run("start", "typo");
        assertEquals(1, start.code(), start.all());
        assertEquals(NOT_INSTALLED, start.stderr(), "the same line as start");
    }

    private static Path module(String name, String startCmd) throws Exception {
        Path dir = Files.createDirectories(root.resolve("modules").resolve(name).resolve(".parachute")).getParent();
        Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\":\"" + name + "\",\"port\":"
                + CliProcess.freePort() + ",\"paths\":[\"/" + name + "\"],\"health\":\"/health\",\"startCmd\":"
                + startCmd + "}");
        return dir;
    }
}
