package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.FakeHubArm;
import computer.parachute.hub.cli.hub.ArmResult;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executor: exit codes for parse errors, unknown verbs, expected and unexpected failures; help and version. */
class ParachuteCliTest {
    @TempDir
    Path home;

    @Test
    void unknownVerbIsUsageErrorWithOneLine() {
        FakeEnvironment env = new FakeEnvironment(home);
        assertEquals(2, env.run("frobnicate"));
        assertTrue(env.stderr().startsWith("✗ parachute: unknown command \"frobnicate\"\n"), env.stderr());
        assertEquals("", env.stdout());
    }

    @Test
    void badOptionAndMissingArgumentAreUsageErrors() {
        FakeEnvironment env = new FakeEnvironment(home);
        assertEquals(2, env.run("status", "--bogus"));
        assertEquals(2, env.run("logs"));
        assertEquals(2, env.run("logs", "vault", "-n", "abc"));
        assertEquals(2, env.run("auth", "revoke"));
        assertTrue(env.stderr().contains("usage: parachute <command>"));
    }

    @Test
    void statusSkipsAirlineOnlyForItsTwoPlainFormsSoEveryOtherAnswerStaysAirlines() {
        assertTrue(StatusCommand.direct(new String[] {"status"}).isPresent());
        assertTrue(StatusCommand.direct(new String[] {"status", "--json"}).isPresent());
        for (String line : new String[] {"status --help", "status -h", "status --bogus", "status --json x",
                "status x", "--json status", "stat", "statuses"}) {
            assertTrue(StatusCommand.direct(line.split(" ")).isEmpty(), line);
        }
        assertTrue(StatusCommand.direct(new String[0]).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "stop", "restart", "status", "logs", "serve", "install", "uninstall", "version",
            "completion", "hub install", "hub uninstall", "auth rotate-operator", "auth rotate-key", "auth revoke"})
    void everyVerbHasHelpWithAnExample(String verb) {
        FakeEnvironment env = new FakeEnvironment(home);
        String[] args = (verb + " --help").split(" ");
        assertEquals(0, env.run(args));
        assertTrue(env.stdout().contains("parachute " + verb), env.stdout());
        assertTrue(env.stdout().contains("EXAMPLES"), env.stdout());
        assertTrue(((FakeHubArm) env.detached).calls.isEmpty(), "help runs nothing");
    }

    @Test
    void bareHelpListsTheCommands() {
        FakeEnvironment env = new FakeEnvironment(home);
        assertEquals(0, env.run("--help"));
        assertTrue(env.stdout().contains("status"));
        assertTrue(env.stdout().contains("auth"));
    }

    @Test
    void noVerbPrintsTheCommandsAndIsAUsageError() {
        FakeEnvironment env = new FakeEnvironment(home);
        assertEquals(2, env.run());
        for (String verb : new String[] {"start", "stop", "restart", "status", "logs", "auth", "hub"}) {
            assertTrue(env.stdout().contains(verb), verb + " in\n" + env.stdout());
        }
        assertTrue(((FakeHubArm) env.detached).calls.isEmpty(), "nothing runs");
    }

    @Test
    void aGroupWithoutItsSubVerbListsTheSubVerbs() {
        FakeEnvironment auth = new FakeEnvironment(home);
        assertEquals(2, auth.run("auth"));
        for (String sub : new String[] {"rotate-operator", "rotate-key", "revoke"}) {
            assertTrue(auth.stdout().contains(sub), sub + " in\n" + auth.stdout());
        }
        FakeEnvironment hub = new FakeEnvironment(home);
        assertEquals(2, hub.run("hub"));
        assertTrue(hub.stdout().contains("install") && hub.stdout().contains("uninstall"), hub.stdout());
    }

    @Test
    void versionFlagAndVerbPrintTheVersion() {
        FakeEnvironment env = new FakeEnvironment(home);
        assertEquals(0, env.run("--version"));
        assertEquals(0, env.run("version"));
        String[] lines = env.stdout().split("\n");
        assertTrue(lines[0].matches("parachute \\S+"), lines[0]);
        assertEquals(lines[0], lines[1]);
    }

    @Test
    void unexpectedErrorIsALineAndAHintWithoutTrace() {
        FakeEnvironment env = new FakeEnvironment(home);
        env.detached = exploding();
        assertEquals(1, env.run("stop", "hub"));
        assertTrue(env.stderr().startsWith("✗ unexpected error: java.lang.IllegalStateException: kaboom\n"), env.stderr());
        assertTrue(env.stderr().contains("PARACHUTE_DEBUG=1"));
        assertTrue(!env.stderr().contains("\tat "), "no stack trace without PARACHUTE_DEBUG");
    }

    @Test
    void debugVariableAddsTheStackTrace() {
        FakeEnvironment env = new FakeEnvironment(home);
        env.env.put("PARACHUTE_DEBUG", "1");
        env.detached = exploding();
        assertEquals(1, env.run("stop"));
        assertTrue(env.stderr().contains("\tat "), env.stderr());
    }

    private static HubArm exploding() {
        return new HubArm() {
            @Override public ArmResult start() { throw new IllegalStateException("kaboom"); }
            @Override public ArmResult stop() { throw new IllegalStateException("kaboom"); }
            @Override public ArmResult restart() { throw new IllegalStateException("kaboom"); }
            @Override public HubObservation observe() { return new HubObservation("detached", null, null, null, null); }
        };
    }
}
