package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.logs.LogFollower;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogsCommandTest {
    @TempDir
    Path root;

    @Test
    void printsTheLastNLinesOfTheModuleLog() throws Exception {
        FakeEnvironment env = new FakeEnvironment(root);
        Path log = env.home.moduleLogFile("vault");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "one\ntwo\nthree\n");
        assertEquals(0, env.run("logs", "vault", "-n", "2"));
        assertEquals("two\nthree\n", env.stdout());
    }

    @Test
    void hubReadsTheHubLog() throws Exception {
        FakeEnvironment env = new FakeEnvironment(root);
        Files.createDirectories(env.home.hubLogFile().getParent());
        Files.writeString(env.home.hubLogFile(), "hub line\n");
        assertEquals(0, env.run("logs", "hub"));
        assertEquals("hub line\n", env.stdout());
    }

    /** Issue 9: a reserved name is a usage error (exit 2) naming why, not a crash in the path lookup. */
    @Test
    void aReservedNameIsAUsageError() {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(2, env.run("logs", "hub.db"));
        assertTrue(env.stderr().contains("\"hub.db\" is reserved for the hub's own files"), env.stderr());
        assertFalse(env.stderr().contains("bug"), env.stderr());
    }

    @Test
    void underASystemdUnitTheHubLogIsTheJournal() throws Exception {
        FakeEnvironment env = new FakeEnvironment(root);
        env.units.installed = true;
        java.util.List<java.util.List<String>> ran = new java.util.ArrayList<>();
        env.foreground = (argv, vars) -> {
            ran.add(argv);
            return 0;
        };
        Files.createDirectories(env.home.hubLogFile().getParent());
        Files.writeString(env.home.hubLogFile(), "a detached hub's old line\n");
        assertEquals(0, env.run("logs", "hub", "-n", "50", "-f"));
        assertEquals(1, ran.size());
        java.util.List<String> argv = ran.get(0);
        assertEquals("journalctl", argv.get(0));
        assertEquals(java.util.List.of("-u", "parachute-hub.service", "-n", "50", "--no-pager", "-f"),
                argv.subList(argv.indexOf("-u"), argv.size()));
        assertEquals(!computer.parachute.hub.core.unit.Platform.current().isRoot(), argv.contains("--user"));
        assertEquals("", env.stdout(), "hub.log is not what a unit writes");
    }

    @Test
    void aModuleLogIsItsFileEvenUnderAUnit() throws Exception {
        FakeEnvironment env = new FakeEnvironment(root);
        env.units.installed = true;
        env.foreground = (argv, vars) -> {
            throw new AssertionError("journalctl is only for the hub");
        };
        Path log = env.home.moduleLogFile("vault");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "module line\n");
        assertEquals(0, env.run("logs", "vault"));
        assertEquals("module line\n", env.stdout());
    }

    @Test
    void noLogYetIsAHintNotAFailure() {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(0, env.run("logs", "scribe"));
        assertEquals("no logs yet for scribe. `parachute start scribe` to begin.\n", env.stdout());
    }

    @Test
    void followerPrintsAppendedBytesUntilStopped() throws Exception {
        Path log = root.resolve("x.log");
        Files.writeString(log, "old\n");
        StringBuffer seen = new StringBuffer();
        CountDownLatch stop = new CountDownLatch(1);
        LogFollower follower = new LogFollower(log, Files.size(log), seen::append);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                follower.follow(stop, Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Files.writeString(log, "new 1\n", StandardOpenOption.APPEND);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!seen.toString().contains("new 1") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        stop.countDown();
        running.get(5, TimeUnit.SECONDS);
        assertEquals("new 1\n", seen.toString(), "only what was appended, not the old line");
    }
}
