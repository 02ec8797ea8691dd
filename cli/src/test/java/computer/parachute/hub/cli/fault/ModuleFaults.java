package computer.parachute.hub.cli.fault;

import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Faults aimed at module processes and the hub process: kill -9 of a module or of the hub (then a restart), a
 * stop of a module that ignores SIGTERM, a foreign squatter on a module port, a module that never binds, one that
 * crashes at start. A step-local expectation that fails is reported through {@code violation}.
 */
final class ModuleFaults {
    /** A stop of a SIGTERM-ignoring module: the hub's 5 s grace, its SIGKILL, and some slack on a loaded box. */
    private static final Duration STUBBORN_STOP_BOUND = Duration.ofSeconds(15);
    private static final Duration GIVE_UP_BOUND = Duration.ofSeconds(15);
    private static final Duration KILL_BOUND = Duration.ofSeconds(5);

    private final FaultRig rig;
    private final InvariantChecker checker;
    private final Random random;
    private final Consumer<String> violation;

    ModuleFaults(FaultRig rig, InvariantChecker checker, Random random, Consumer<String> violation) {
        this.rig = rig;
        this.checker = checker;
        this.random = random;
        this.violation = violation;
    }

    /** SIGKILL to the supervised pid only: for a grandchild module the listener survives as an orphan on the port. */
    void kill9Module() {
        List<ProcessCensus.ModuleProcess> live = rig.census.scan().stream().filter(p -> p.pid() == p.pgid()).toList();
        if (live.isEmpty()) {
            rig.api.post("/api/modules/" + pick(rig.modules).shortName() + "/start");
            return;
        }
        ProcessCensus.ModuleProcess target = live.get(random.nextInt(live.size()));
        ProcessHandle.of(target.pid()).ifPresent(ProcessHandle::destroyForcibly);
        // SIGKILL is delivered when the target next runs: on a loaded box the invariants could otherwise pass
        // against a process that is about to die, and its respawn would land in the next step
        if (!Poll.until(KILL_BOUND, () -> ProcessCensus.liveGroup(target.pid()).isEmpty())) {
            violation.accept(target.shortName() + " pid " + target.pid() + " survived SIGKILL");
        }
    }

    /** kill -9 of the hub, then a new hub on the same home and port; its log must show no bind loop or self-squatting. */
    void kill9HubAndRestart() throws IOException, InterruptedException {
        rig.earlierGenerationSpawns.addAll(checker.currentSpawns());
        rig.hub.kill9();
        rig.hub.startAndAwaitBoot();
        String log = rig.hub.log(rig.hub.generation());
        if (log.contains("EADDRINUSE") || log.contains("Address already in use")) {
            violation.accept("hub generation " + rig.hub.generation() + " log shows a bind failure");
        }
        if (log.contains("port_squatter") || log.contains("outside the supervisor")) {
            violation.accept("hub generation " + rig.hub.generation() + " called its predecessor's children squatters");
        }
    }

    /** Stop of a module that ignores SIGTERM: answered within the grace + SIGKILL, nothing of it left. */
    void stopTermIgnoring() {
        FaultModule module = pick(rig.withRole(ModuleRole.IGNORES_TERM, ModuleRole.GRANDCHILD_IGNORES_TERM));
        rig.api.post("/api/modules/" + module.shortName() + "/start");
        long began = System.nanoTime();
        HubApi.Answer stop = rig.api.post("/api/modules/" + module.shortName() + "/stop");
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        if (stop.status() != 200 || !"stopped".equals(stop.stateName()) || took.compareTo(STUBBORN_STOP_BOUND) > 0) {
            violation.accept("stop of " + module.shortName() + " -> " + stop.status() + " " + stop.body() + " in "
                    + took.toMillis() + " ms");
        }
        if (rig.census.scan().stream().anyMatch(p -> p.shortName().equals(module.shortName()))) {
            violation.accept(module.shortName() + " still has processes after its stop answered");
        }
        if (random.nextBoolean()) {
            rig.api.post("/api/modules/" + module.shortName() + "/start");
        }
    }

    /** A foreign listener on a stopped module's port: the start reports port_squatter and leaves it alone. */
    void squatter() throws IOException {
        FaultModule module = pick(rig.withRole(ModuleRole.PLAIN));
        rig.api.post("/api/modules/" + module.shortName() + "/stop");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.setReuseAddress(true);
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), module.port()));
            HubApi.Answer start = rig.api.post("/api/modules/" + module.shortName() + "/start");
            String description = start.state() == null ? "" : start.state().toString();
            if (!"port_squatter".equals(start.startErrorType()) || !"crashed".equals(start.stateName())
                    || !description.contains(Long.toString(ProcessHandle.current().pid()))) {
                violation.accept("start of " + module.shortName() + " beside a squatter -> " + start.status() + " "
                        + start.body());
            }
            if (squatter.isClosed() || !squatter.isBound()) {
                violation.accept("the squatter on " + module.port() + " was disturbed");
            }
        }
        rig.api.post("/api/modules/" + module.shortName() + "/start");
    }

    /**
     * A module whose listener daemonized (fork, setsid, fork) into another session: once its stop has answered,
     * no process carrying its spawn id is left, and its port is free.
     */
    void stopDaemonizing() {
        FaultModule module = pick(rig.withRole(ModuleRole.DAEMONIZES));
        rig.api.post("/api/modules/" + module.shortName() + "/start");
        boolean daemonized = Poll.until(KILL_BOUND, () -> rig.census.scan().stream()
                .anyMatch(p -> p.shortName().equals(module.shortName()) && p.pgid() != leaderGroup(module)));
        List<String> spawns = rig.census.scan().stream().filter(p -> p.shortName().equals(module.shortName()))
                .map(ProcessCensus.ModuleProcess::spawnId).distinct().toList();
        HubApi.Answer stop = rig.api.post("/api/modules/" + module.shortName() + "/stop");
        if (stop.status() != 200 || !"stopped".equals(stop.stateName())) {
            violation.accept("stop of " + module.shortName() + " -> " + stop.status() + " " + stop.body());
        }
        List<ProcessCensus.ModuleProcess> left = rig.census.scan().stream()
                .filter(p -> spawns.contains(p.spawnId()) || p.shortName().equals(module.shortName())).toList();
        if (!daemonized || !left.isEmpty()) {
            violation.accept(module.shortName() + (daemonized ? "" : " never daemonized;") + " left after its stop: "
                    + left);
        }
        if (PortListeners.of(java.util.Set.of(module.port())).containsKey(module.port())) {
            violation.accept(module.shortName() + ": port " + module.port() + " still held after its stop");
        }
        if (random.nextBoolean()) {
            rig.api.post("/api/modules/" + module.shortName() + "/start");
        }
    }

    /**
     * A process the test starts itself with exactly a module's command line (its python, its script, its install
     * dir) on that module's port: the start reports it as port_squatter by pid, and it is never signalled.
     */
    void lookalikeSquatter() throws IOException {
        FaultModule module = pick(rig.withRole(ModuleRole.PLAIN));
        rig.api.post("/api/modules/" + module.shortName() + "/stop");
        ProcessBuilder builder = new ProcessBuilder(TestModules.command(module.installDir()))
                .directory(module.installDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", Integer.toString(module.port()));
        builder.environment().remove("PARACHUTE_SPAWN_ID");
        Process lookalike = builder.start();
        rig.foreign.add(lookalike.pid());
        rig.reaper.track(lookalike);
        try {
            if (!Poll.until(KILL_BOUND, () -> PortListeners.of(java.util.Set.of(module.port()))
                    .getOrDefault(module.port(), -1L) == lookalike.pid())) {
                violation.accept("lookalike on " + module.port() + " never listened");
                return;
            }
            HubApi.Answer start = rig.api.post("/api/modules/" + module.shortName() + "/start");
            String description = start.state() == null ? "" : start.state().toString();
            if (!"port_squatter".equals(start.startErrorType()) || !"crashed".equals(start.stateName())
                    || !description.contains("pid " + lookalike.pid())) {
                violation.accept("start of " + module.shortName() + " beside a lookalike -> " + start.status() + " "
                        + start.body());
            }
            if (!lookalike.isAlive()) {
                violation.accept("the hub killed lookalike pid " + lookalike.pid() + " on " + module.port()
                        + " (exit " + lookalike.exitValue() + ")");
            }
        } finally {
            ProcessReaper.kill(lookalike.pid());
            rig.foreign.remove(lookalike.pid());
        }
        rig.api.post("/api/modules/" + module.shortName() + "/start");
    }

    private long leaderGroup(FaultModule module) {
        jakarta.json.JsonObject state = rig.api.get("/api/modules/" + module.shortName()).state();
        Long pid = state != null && state.get("pid") instanceof jakarta.json.JsonNumber n ? n.longValue() : null;
        return pid == null ? -1 : pid;
    }

    /** A module that never binds: a start or restart ends running with started_but_unbound after the 4 s window. */
    void neverBind() {
        FaultModule module = pick(rig.withRole(ModuleRole.NEVER_BINDS));
        String op = random.nextBoolean() ? "restart" : "start";
        rig.api.post("/api/modules/" + module.shortName() + "/stop");
        HubApi.Answer answer = rig.api.post("/api/modules/" + module.shortName() + "/" + op);
        if ("restart".equals(op) && answer.status() == 404) {
            return;
        }
        if (!"running".equals(answer.stateName()) || !"started_but_unbound".equals(answer.startErrorType())) {
            violation.accept(op + " of " + module.shortName() + " -> " + answer.status() + " " + answer.body());
        }
    }

    /** A module that crashes at start: respawned within budget, then the hub gives up (crashed, nothing alive). */
    void crashAtStart() {
        FaultModule module = pick(rig.withRole(ModuleRole.CRASHES_AT_START));
        rig.api.post("/api/modules/" + module.shortName() + "/start");
        boolean gaveUp = Poll.until(GIVE_UP_BOUND, () -> {
            HubApi.Answer state = rig.api.get("/api/modules/" + module.shortName());
            return "crashed".equals(state.stateName())
                    && rig.census.scan().stream().noneMatch(p -> p.shortName().equals(module.shortName()));
        });
        if (!gaveUp) {
            violation.accept(module.shortName() + " did not end crashed: "
                    + rig.api.get("/api/modules/" + module.shortName()).body());
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
