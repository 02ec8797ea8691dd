package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import computer.parachute.hub.core.testing.ProcessReaper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production launcher and signals against real processes. */
class ProcessSeamsTest {
    @TempDir Path temp;
    private final ProcessReaper reaper = new ProcessReaper();
    private final SetsidProcessLauncher launcher = new SetsidProcessLauncher();
    private final KillCommandSignals signals = new KillCommandSignals();
    private final HandleSignals handles = new HandleSignals();
    private final ProcProcessTree tree = new ProcProcessTree(new JdkProcessTable());

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void childLeadsItsOwnProcessGroupAndSession() throws Exception {
        ChildProcess child = launch(List.of("sleep", "30"), Map.of());
        Path statFile = Path.of("/proc/" + child.pid() + "/stat");
        // setsid calls setsid() then execs: once the name is "sleep" the group is settled
        Poll.require(Duration.ofSeconds(5), "exec of sleep", () -> read(statFile).contains("(sleep)"));
        String stat = read(statFile);
        // fields after the ")" that ends the command name: state ppid pgrp session
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(String.valueOf(child.pid()), fields[2], "pgid: " + stat);
        assertEquals(String.valueOf(child.pid()), fields[3], "sid: " + stat);
        assertTrue(child.startTime() != null);
    }

    @Test
    void awaitExitWaitsOnThisThreadAndGivesTheCodeOnExitGives() throws Exception {
        ChildProcess child = launch(List.of("sh", "-c", "sleep 30"), Map.of());

        assertTrue(child.awaitExit(Duration.ofMillis(50)).isEmpty(), "running: no code");
        ProcessHandle.of(child.pid()).orElseThrow().destroy();
        assertEquals(143, child.awaitExit(Duration.ofSeconds(10)).orElseThrow());
        assertEquals(143, child.onExit().get(10, TimeUnit.SECONDS));

        ChildProcess exiting = launch(List.of("sh", "-c", "exit 3"), Map.of());
        assertEquals(3, exiting.awaitExit(Duration.ofSeconds(10)).orElseThrow());
        assertEquals(3, exiting.onExit().get(10, TimeUnit.SECONDS));
    }

    @Test
    void childSeesTheHubEnvironmentOverlaidByTheRequestAndStdinIsDevNull() throws Exception {
        String hubHome = System.getenv("HOME");
        ChildProcess child = launch(List.of("sh", "-c", "echo \"$HOME|$TM_MARK\"; cat; echo eof"),
                Map.of("TM_MARK", "overlay"));
        assertEquals(0, child.onExit().get(10, TimeUnit.SECONDS));
        String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(hubHome + "|overlay\neof\n", out);
        ChildProcess overriding = launch(List.of("sh", "-c", "echo \"$HOME\""), Map.of("HOME", "/elsewhere"));
        overriding.onExit().get(10, TimeUnit.SECONDS);
        assertEquals("/elsewhere\n", new String(overriding.stdout().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void stderrArrivesOnTheOutputPipeInTheOrderItWasWritten() throws Exception {
        ChildProcess child = launch(List.of("sh", "-c", "echo out1; echo err1 >&2; echo out2; echo err2 >&2"), Map.of());
        assertEquals(0, child.onExit().get(10, TimeUnit.SECONDS));
        assertEquals("out1\nerr1\nout2\nerr2\n", new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void groupSignalReachesAGrandchild() throws Exception {
        ChildProcess child = launch(List.of("sh", "-c", "sleep 30 & echo $!; wait"), Map.of());
        long grandchild = Long.parseLong(new String(child.stdout().readNBytes(1), StandardCharsets.UTF_8)
                + readLine(child));
        reaper.track(grandchild);
        assertTrue(signals.signalGroup(child.pid(), Signal.TERM));
        child.onExit().get(10, TimeUnit.SECONDS);
        assertTrue(ProcessHandle.of(grandchild).map(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join())
                .map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void noSuchGroupFallsBackToTheBarePidAndNoProcessAtAllIsFalse() throws Exception {
        // a process that is not a group leader: signalling -pid finds no group, the bare pid gets it
        Process plain = new ProcessBuilder("sleep", "30").start();
        reaper.track(plain);
        assertTrue(signals.signalGroup(plain.pid(), Signal.KILL));
        assertTrue(plain.waitFor(10, TimeUnit.SECONDS));
        assertFalse(signals.signalGroup(plain.pid(), Signal.TERM));
    }

    @Test
    void permissionErrorsPropagateAndEsrchIsQuiet() {
        assertTrue(KillCommandSignals.interpret(0, "", Signal.TERM, "-5"));
        assertFalse(KillCommandSignals.interpret(1, "kill: (-5): No such process", Signal.TERM, "-5"));
        ProcessSignalException e = assertThrows(ProcessSignalException.class, () -> KillCommandSignals.interpret(1,
                "kill: (1): Operation not permitted", Signal.KILL, "1"));
        assertTrue(e.getMessage().contains("Operation not permitted"), e.getMessage());
        assertThrows(ProcessSignalException.class, () -> signals.signalGroup(1, Signal.TERM));
    }

    @Test
    void aHandleSignalReachesOnlyTheSameIncarnation() throws Exception {
        aHandleSignalReachesOnlyTheSameIncarnation(handles);
    }

    @Test
    void withTheProcReadingTooAHandleSignalReachesOnlyTheSameIncarnation() throws Exception {
        aHandleSignalReachesOnlyTheSameIncarnation(new HandleSignals(tree));
    }

    /** A /proc reading that cannot confirm (here: no boot time) leaves the decision to ProcessHandle.Info. */
    @Test
    void whenTheProcReadingCannotConfirmTheJdksCheckStillDecides() throws Exception {
        aHandleSignalReachesOnlyTheSameIncarnation(
                new HandleSignals(new ProcStartInstants(tree, temp.resolve("no-proc-stat"))));
    }

    private void aHandleSignalReachesOnlyTheSameIncarnation(HandleSignals handles) throws Exception {
        Process plain = reaper.track(new ProcessBuilder("sleep", "30").start());
        Instant started = plain.toHandle().info().startInstant().orElseThrow();
        assertFalse(handles.signal(new ProcessSnapshot(plain.pid(), started.minusSeconds(60), ""), Signal.KILL),
                "another start time is another process: never signalled");
        assertTrue(plain.isAlive());
        assertTrue(handles.signal(new ProcessSnapshot(plain.pid(), started, ""), Signal.TERM));
        assertTrue(plain.waitFor(10, TimeUnit.SECONDS));
        assertEquals(143, plain.exitValue());
        assertFalse(handles.signal(new ProcessSnapshot(plain.pid(), started, ""), Signal.KILL), "gone");
    }

    @Test
    void theTreeFindsADaemonizedDescendantByItsSpawnIdAndNothingElse() throws Exception {
        String spawnId = SpawnIdentity.fresh();
        Path dir = TestModules.installDir(temp, "vault");
        ChildProcess child = launch(TestModules.command(dir), Map.of("TM_DAEMONIZE", "1", "PORT", "0",
                SpawnIdentity.VARIABLE, spawnId));
        long daemon = reaper.track(TestModules.daemonPid(child.stdout()));
        Process unrelated = reaper.track(new ProcessBuilder(TestModules.command(dir)).start());

        assertEquals(Optional.of(spawnId), tree.spawnIdOf(daemon));
        Set<Long> family = tree.family(spawnId, 0).stream().map(ProcessSnapshot::pid).collect(Collectors.toSet());
        assertEquals(Set.of(child.pid(), daemon), family, "the leader and its daemon, in another session");
        assertNotEquals(tree.groupOf(child.pid()), tree.groupOf(daemon));
        assertFalse(family.contains(unrelated.pid()), "same command line, no spawn id: not ours");
        assertTrue(tree.family(SpawnIdentity.fresh(), 0).isEmpty());
    }

    @Test
    void theBirthBoundStillFindsADaemonizedCarrierAndNeverSignalsAnOlderProcessCarryingTheSameId() throws Exception {
        String spawnId = SpawnIdentity.fresh();
        Path dir = TestModules.installDir(temp, "vault");
        // an impostor that somehow learned the id, started before the spawn: not a descendant, so never ours
        Process older = reaper.track(withEnv(new ProcessBuilder("sleep", "30"), SpawnIdentity.VARIABLE, spawnId)
                .start());
        long olderBirth = tree.birthOf(older.pid());
        Poll.require(Duration.ofSeconds(5), "a clock tick after the older process's birth",
                () -> ticksNow() > olderBirth);
        ChildProcess leader = launch(TestModules.command(dir), Map.of("TM_DAEMONIZE", "1", "PORT", "0",
                SpawnIdentity.VARIABLE, spawnId));
        long daemon = reaper.track(TestModules.daemonPid(leader.stdout()));
        long birth = tree.birthOf(leader.pid());
        assertTrue(birth > olderBirth, "precondition: the leader is born after the older process");
        assertTrue(tree.family(spawnId, 0).stream().anyMatch(p -> p.pid() == older.pid()),
                "precondition: without the bound the older process's environ matches");

        Set<Long> members = tree.members(List.of(new ProcessTree.Lineage(spawnId, 0, birth))).get(0).stream()
                .map(ProcessSnapshot::pid).collect(Collectors.toSet());
        assertEquals(Set.of(leader.pid(), daemon), members);

        RecordingSignals recorded = new RecordingSignals();
        try (ExecutorScheduler scheduler = new ExecutorScheduler()) {
            new ProcessFamilies(tree, recorded, scheduler).terminate(List.of(new ProcessFamilies.Family("vault",
                    new ProcessSnapshot(leader.pid(), leader.startTime(), ""), spawnId, birth)),
                    Duration.ofSeconds(5), "test");
        }
        assertEquals(143, leader.onExit().get(10, TimeUnit.SECONDS));
        assertTrue(tree.family(spawnId, 0).stream().noneMatch(p -> p.pid() == daemon), "the daemon survived");
        assertEquals(List.of(), recorded.sentTo(older.pid()), "an older process was signalled");
        assertTrue(older.isAlive());
    }

    /** The current clock tick since boot, as {@link ProcProcessTree#birthOf} counts: a just-born process's birth. */
    private long ticksNow() {
        try {
            Process probe = reaper.track(new ProcessBuilder("sleep", "30").start());
            long birth = tree.birthOf(probe.pid());
            probe.destroyForcibly();
            return birth;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProcessBuilder withEnv(ProcessBuilder builder, String name, String value) {
        builder.environment().put(name, value);
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }

    @Test
    void aStuckKillCommandTimesOutInsteadOfHoldingTheStop() throws Exception {
        Path stub = stub("stuck-kill", "exec sleep 30");
        KillCommandSignals stuck = new KillCommandSignals(stub.toString(), Duration.ofMillis(300));

        ProcessSignalException e = assertThrows(ProcessSignalException.class,
                () -> stuck.signalGroup(4_000_000L, Signal.TERM));

        assertTrue(e.getMessage().contains("did not finish within 300 ms"), e.getMessage());
    }

    @Test
    void theKillCommandRunsInTheCLocaleSoNoSuchProcessIsUnderstood() throws Exception {
        // a kill that answers in German unless LC_ALL=C: the hub matches the English text only
        Path stub = stub("localized-kill", "if [ \"$LC_ALL\" = C ]; then echo \"kill: ($4): No such process\";"
                + " else echo \"kill: ($4): Kein passender Prozess gefunden\"; fi; exit 1");

        assertFalse(new KillCommandSignals(stub.toString(), Duration.ofSeconds(10)).signalGroup(4_000_000L,
                Signal.TERM), "ESRCH is 'already gone', not an error");
    }

    private Path stub(String name, String body) throws IOException {
        Path stub = Files.writeString(temp.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(stub, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return stub;
    }

    private ChildProcess launch(List<String> cmd, Map<String, String> env) throws IOException {
        ChildProcess child = launcher.launch(new SpawnRequest("t", cmd, null, env));
        reaper.track(child.pid());
        return child;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String readLine(ChildProcess child) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = child.stdout().read(); c != -1 && c != '\n'; c = child.stdout().read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
