package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 "Trust" against real processes: the hub reaches every process it started (daemonized too), touches
 * nothing it cannot prove it started (never itself), and every failure ends in a state.
 */
class SupervisorTrustTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir Path temp;
    private SupervisorFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SupervisorFixture(temp);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aModuleThatDaemonizesIsFullyGoneAfterStop() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_DAEMONIZE", "1");
        ModuleSnapshot started = fx.supervisor.start(request);
        assertTrue(started.is(ModuleState.RUNNING) && started.ready(), started.toString());
        long daemon = daemonOf("vault");
        String spawnId = spawnIdOfFirstSpawn();
        assertFalse(fx.tree.groupOf(daemon) == started.pid(), "the daemon left the module's group");

        ModuleSnapshot stopped = fx.supervisor.stop("vault").orElseThrow();

        assertTrue(stopped.is(ModuleState.STOPPED), stopped.toString());
        assertEquals(List.of(), fx.tree.family(spawnId, 0), "processes with the module's spawn id survived the stop");
        assertFalse(fx.probe.isListening(request.port().getAsInt()), "the daemon still holds the port");
        assertEquals(Signal.TERM, fx.signals.sentTo(daemon).get(0).signal());
    }

    @Test
    void hubShutdownEndsADaemonizedDescendantToo() throws Exception {
        fx.supervisor.start(fx.module("vault", "TM_DAEMONIZE", "1"));
        daemonOf("vault");
        String spawnId = spawnIdOfFirstSpawn();

        fx.supervisor.shutdown();

        assertEquals(List.of(), fx.tree.family(spawnId, 0));
    }

    @Test
    void hubShutdownEndsEveryModulesDaemonWithOneProcessScanPerPhaseForAllOfThem() throws Exception {
        List<String> names = List.of("vault", "notes", "mail");
        for (String name : names) {
            fx.supervisor.start(fx.module(name, "TM_DAEMONIZE", "1"));
            daemonOf(name);
        }
        List<String> spawnIds = fx.launcher.requests().stream().map(r -> r.env().get(SpawnIdentity.VARIABLE)).toList();
        fx.tree.scans.clear();

        fx.supervisor.shutdown();

        List<Integer> scans = List.copyOf(fx.tree.scans);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(List.of(), fx.tree.family(spawnIds.get(i), 0), names.get(i) + "'s daemon survived");
            assertTrue(fx.supervisor.get(names.get(i)).orElseThrow().is(ModuleState.STOPPED));
        }
        assertFalse(scans.isEmpty());
        assertTrue(scans.stream().allMatch(lineages -> lineages == names.size()), "a scan per module: " + scans);
    }

    @Test
    void aRestartEndsTheOldDaemonBeforeTheNewInstanceIsReadyOnThePort() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_DAEMONIZE", "1");
        fx.supervisor.start(request);
        long oldDaemon = daemonOf("vault");
        String oldSpawnId = spawnIdOfFirstSpawn();

        ModuleSnapshot restarted = fx.supervisor.restart("vault", request).orElseThrow();

        assertTrue(restarted.is(ModuleState.RUNNING) && restarted.ready(), restarted.toString());
        assertNull(restarted.startError(), "the old daemon was taken for a squatter");
        assertEquals(List.of(), fx.tree.family(oldSpawnId, 0), "the old spawn's daemon outlived the restart");
        assertEquals(Signal.TERM, fx.signals.sentTo(oldDaemon).get(0).signal());
        assertEquals(List.of(restarted.pid()), fx.records.all().stream().map(ChildRecord::pid).toList());
    }

    @Test
    void aRestartOfAPlainModuleLeavesNoProcessAndNoRecordOfTheOldSpawn() throws Exception {
        SpawnRequest request = fx.module("vault");
        ModuleSnapshot first = fx.supervisor.start(request);
        String oldSpawnId = spawnIdOfFirstSpawn();

        ModuleSnapshot restarted = fx.supervisor.restart("vault", request).orElseThrow();

        assertTrue(restarted.is(ModuleState.RUNNING) && restarted.ready(), restarted.toString());
        assertEquals(List.of(), fx.tree.family(oldSpawnId, 0));
        assertEquals(List.of(restarted.pid()), fx.records.all().stream().map(ChildRecord::pid).toList(),
                "the old child's record (pid " + first.pid() + ") was left behind");
    }

    @Test
    void aCrashOfAPlainModuleRespawnsAndItsRecordGoesOnceTheLastLookIsDone() throws Exception {
        ModuleSnapshot started = fx.supervisor.start(fx.module("vault"));

        ProcessHandle.of(started.pid()).orElseThrow().destroyForcibly();

        Poll.require(WAIT, "respawned and ready", () -> fx.launcher.spawnCount() == 2
                && fx.supervisor.get("vault").orElseThrow().ready());
        long respawned = fx.supervisor.get("vault").orElseThrow().pid();
        Poll.require(WAIT, "only the respawned child's record", () -> fx.records.all().stream()
                .map(ChildRecord::pid).toList().equals(List.of(respawned)));
        assertEquals(List.of(), fx.tree.family(spawnIdOfFirstSpawn(), 0));
    }

    @Test
    void aCrashedLeadersDaemonIsEndedBeforeTheRespawnSoItIsNotASquatter() throws Exception {
        SpawnRequest request = fx.module("vault", "TM_DAEMONIZE", "1");
        ModuleSnapshot started = fx.supervisor.start(request);
        long daemon = daemonOf("vault");
        String spawnId = spawnIdOfFirstSpawn();

        ProcessHandle.of(started.pid()).orElseThrow().destroyForcibly(); // the leader dies; its daemon holds the port

        Poll.require(WAIT, "respawned and ready", () -> fx.launcher.spawnCount() == 2
                && fx.supervisor.get("vault").orElseThrow().ready());
        assertNull(fx.supervisor.get("vault").orElseThrow().startError());
        assertEquals(List.of(), fx.tree.family(spawnId, 0), "the first spawn's daemon outlived its crash");
        assertEquals(Signal.TERM, fx.signals.sentTo(daemon).get(0).signal());
    }

    @Test
    void aLookalikeOfTheStartCommandOnThePortIsASquatterAndStaysAlive() throws Exception {
        // the module runs ./server from its install dir; an unrelated `python3 ./server` (the very same file name,
        // started by the test, not by the hub) listens on the module's port
        int port = FreePorts.find();
        Path installDir = fx.install("vault");
        Path server = Files.copy(installDir.resolve(TestModules.SCRIPT_NAME), installDir.resolve("server"));
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder lookalike = new ProcessBuilder(TestModules.python(), "./server").directory(installDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        lookalike.environment().put("PORT", String.valueOf(port));
        Process foreign = fx.reaper.track(lookalike.start());
        Poll.require(WAIT, "lookalike listening", () -> fx.probe.isListening(port));
        SpawnRequest request = fx.requests().build("vault", List.of("./server"), port, installDir, fx.envFile("vault"),
                null, java.util.Map.of());

        ModuleSnapshot started = fx.supervisor.start(request);

        assertTrue(started.is(ModuleState.CRASHED), started.toString());
        assertEquals("port_squatter", started.startError().type());
        assertTrue(started.startError().description().contains("pid " + foreign.pid() + " (")
                && started.startError().description().contains("./server"), started.startError().description());
        assertTrue(foreign.isAlive(), "the hub killed a process it did not start");
        assertTrue(fx.signals.sent().isEmpty() && fx.signals.groups().isEmpty(), fx.signals.sent().toString());
    }

    @Test
    void aRowOnTheHubsOwnPidHoldingAModulePortIsASquatterAndNothingIsSignalled() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        try (ServerSocket hubsOwn = new ServerSocket()) {
            hubsOwn.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = hubsOwn.getLocalPort();
            fx.records.insert(new ChildRecord("vault", self.pid(), self.info().startInstant().orElseThrow(),
                    "a row pointing at the hub", Instant.now(), null));

            ModuleSnapshot started = fx.supervisor.start(fx.request("vault", fx.install("vault"), port));

            assertTrue(started.is(ModuleState.CRASHED), started.toString());
            assertEquals("port_squatter", started.startError().type());
            assertTrue(started.startError().description().contains("pid " + self.pid()),
                    started.startError().description());
            assertTrue(fx.signals.sent().isEmpty() && fx.signals.groups().isEmpty(), fx.signals.sent().toString());
            assertFalse(hubsOwn.isClosed());
        }
    }

    @Test
    void aNulInTheStartCommandEndsCrashedWithSpawnFailedAndTheModuleCanBeStoppedAndForgotten() throws Exception {
        Path installDir = fx.install("vault");
        SpawnRequest request = new SpawnRequest("vault", List.of(installDir + "/serv\0er"), installDir,
                java.util.Map.of("PORT", String.valueOf(FreePorts.find())));

        ModuleSnapshot started = fx.supervisor.start(request);

        assertTrue(started.is(ModuleState.CRASHED), started.toString());
        assertEquals("spawn_failed", started.startError().type());
        assertFalse(started.startError().description().contains("\0"), "a NUL byte reached the description");
        assertEquals(0, fx.launcher.spawnCount());
        assertTrue(fx.supervisor.stop("vault").orElseThrow().is(ModuleState.STOPPED));
        assertTrue(fx.supervisor.forget("vault"));
    }

    @Test
    void theSpawnedProgramIsTheOnePreflightResolvedOnTheChildsPath() throws Exception {
        // a tool dir on the module's PATH only (not the hub's): without setsid the JDK would look the name up on the
        // hub's PATH and fail, or find another program of that name
        Path installDir = fx.install("vault");
        Path tools = Files.createDirectories(temp.resolve("module-tools"));
        Path tool = Files.writeString(tools.resolve("vault-server"), "#!/bin/sh\nexec " + TestModules.python() + " "
                + installDir.resolve(TestModules.SCRIPT_NAME) + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        int port = FreePorts.find();
        SpawnRequest request = fx.requests().build("vault", List.of("vault-server"), port, installDir,
                java.util.Map.of(), null, java.util.Map.of("PATH", tools + ":/usr/bin:/bin"));

        ModuleSnapshot started = fx.supervisor.start(request);

        assertTrue(started.is(ModuleState.RUNNING) && started.ready(), started.toString());
        assertEquals(tool.toString(), fx.launcher.requests().get(0).cmd().get(0));
    }

    @Test
    void aFailureInExitHandlingEndsCrashedInsteadOfRunningWithADeadPid() throws Exception {
        fx.supervisor.start(fx.module("vault", "TM_EXIT_AFTER_MS", "300", "TM_EXIT_CODE", "1"));
        fx.tree.familyFailure = new IllegalStateException("injected: /proc vanished");

        Poll.require(WAIT, "crashed", () -> fx.supervisor.get("vault").orElseThrow().is(ModuleState.CRASHED));
        ModuleSnapshot crashed = fx.supervisor.get("vault").orElseThrow();
        assertNull(crashed.pid());
        assertEquals("spawn_failed", crashed.startError().type());
        assertTrue(crashed.startError().description().contains("injected"), crashed.startError().description());
        assertEquals(1, crashed.lastExitCode());
    }

    @Test
    void aStartInFlightWhenShutdownBeginsIsStoppedAndLaterStartsAreRefused() throws Exception {
        SpawnRequest request = fx.module("vault");
        fx.launcher.hold = new CountDownLatch(1);
        CompletableFuture<ModuleSnapshot> start = CompletableFuture.supplyAsync(() -> fx.supervisor.start(request));
        assertTrue(fx.launcher.launching.await(10, TimeUnit.SECONDS), "the start never reached the launcher");

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(fx.supervisor::shutdown);
        // a start that cannot spawn (missing binary): crashed while the supervisor is open, refused once it closes
        SpawnRequest late = new SpawnRequest("late", List.of(temp.resolve("missing").toString()), null,
                java.util.Map.of());
        Poll.require(WAIT, "shutdown under way", () -> startRefused(late));
        fx.launcher.hold.countDown();
        shutdown.get(60, TimeUnit.SECONDS);

        start.get(10, TimeUnit.SECONDS);
        assertEquals(1, fx.launcher.spawnCount());
        assertTrue(fx.launcher.children().get(0).onExit().isDone(), "a child spawned during shutdown was left running");
        assertTrue(fx.supervisor.get("vault").orElseThrow().is(ModuleState.STOPPED));
    }

    private boolean startRefused(SpawnRequest request) {
        try {
            fx.supervisor.start(request);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private long daemonOf(String shortName) {
        String prefix = "testmodule daemon pid=";
        Poll.require(WAIT, "daemon announced", () -> fx.supervisor.logs(shortName).orElseThrow().stream()
                .anyMatch(line -> line.contains(prefix)));
        String line = fx.supervisor.logs(shortName).orElseThrow().stream().filter(l -> l.contains(prefix))
                .findFirst().orElseThrow();
        long pid = Long.parseLong(line.substring(line.indexOf(prefix) + prefix.length()).trim());
        fx.reaper.track(pid);
        return pid;
    }

    private String spawnIdOfFirstSpawn() {
        String id = fx.launcher.requests().get(0).env().get(SpawnIdentity.VARIABLE);
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), "spawn id " + id);
        return id;
    }

}
