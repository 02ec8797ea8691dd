package computer.parachute.hub.cli.hub;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.PortOwner;
import computer.parachute.hub.core.process.ProcessSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hub arm with no unit installed (DESIGN §2, reference §7.4): the CLI spawns the launcher in its own session,
 * records pid + start time in hub/run/hub.pid, and stops it with SIGTERM → 10 s → SIGKILL. A pid is signalled only
 * while it is provably the same process (same start time); a hub holding the port without a pidfile is adopted
 * only if its /health says {@code parachute-hub}.
 */
public final class DetachedArm implements HubArm {
    private final HubHome home;
    private final Map<String, String> env;
    private final DetachedSeams seams;
    private final DetachedTimings timings;
    private final HubPidFile pidFile;

    public DetachedArm(HubHome home, Map<String, String> env, DetachedSeams seams, DetachedTimings timings) {
        this.home = home;
        this.env = env;
        this.seams = seams;
        this.timings = timings;
        this.pidFile = new HubPidFile(home.hubPidFile());
    }

    /** The seams this arm was built with (a test rebuilds the arm with other timings). */
    DetachedSeams seams() {
        return seams;
    }

    @Override
    public ArmResult start() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Optional<ProcessSnapshot> running = recordedHub();
        if (running.isPresent()) {
            int port = HubPorts.current(home, env);
            return ArmResult.ok(port, "hub already running (pid " + running.get().pid() + ") on port " + port + ".");
        }
        int port = HubPorts.configured(env);
        if (seams.portProbe().isListening(port)) {
            return portInUse(port);
        }
        try {
            return spawn(port, lines);
        } catch (CliFailure e) {
            return ArmResult.failed(port, List.of("✗ hub failed to start: " + e.getMessage()));
        } catch (IOException e) {
            return ArmResult.failed(port, List.of("✗ hub failed to start: " + e.getMessage()));
        }
    }

    @Override
    public ArmResult stop() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        int port = HubPorts.current(home, env);
        boolean hadPidFile = pidFile.read().isPresent();
        Optional<ProcessSnapshot> running = recordedHub();
        if (running.isPresent()) {
            return terminate(running.get(), port, lines, "✓ hub stopped.");
        }
        if (seams.health().hubAnswers(port)) {
            return adoptOrphan(port, lines);
        }
        clearRunFiles();
        return ArmResult.ok(port, hadPidFile ? "hub wasn't running (cleaned stale pid file)." : "hub wasn't running.");
    }

    @Override
    public ArmResult restart() throws InterruptedException {
        ArmResult stopped = stop();
        if (!stopped.ok()) {
            return stopped;
        }
        ArmResult started = start();
        List<String> lines = new ArrayList<>(stopped.lines());
        lines.addAll(started.lines());
        return new ArmResult(started.ok(), started.port(), lines);
    }

    @Override
    public HubObservation observe() {
        Optional<ProcessSnapshot> running = pidFile.read().flatMap(this::sameIncarnation);
        return new HubObservation("detached", running.map(ProcessSnapshot::pid).orElse(null),
                running.map(ProcessSnapshot::startTime).orElse(null), null, null);
    }

    /** The pidfile's hub if it is alive and the same incarnation; a stale pidfile is deleted, never signalled. */
    private Optional<ProcessSnapshot> recordedHub() {
        Optional<HubPidFile.Entry> entry = pidFile.read();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessSnapshot> live = sameIncarnation(entry.get());
        if (live.isEmpty()) {
            clearRunFiles();
        }
        return live;
    }

    /** Alive and started when the pidfile says; a pidfile without a start time is trusted only if that pid holds the hub port. */
    private Optional<ProcessSnapshot> sameIncarnation(HubPidFile.Entry entry) {
        Optional<ProcessSnapshot> live = seams.processes().find(entry.pid());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if (entry.startTime() != null) {
            return live.filter(p -> p.sameIncarnation(new ProcessSnapshot(entry.pid(), entry.startTime(), "")));
        }
        int port = HubPorts.current(home, env);
        return live.filter(p -> seams.owners().ownerOf(port).map(PortOwner::pid).filter(pid -> pid == entry.pid()).isPresent());
    }

    private ArmResult spawn(int port, List<String> lines) throws CliFailure, IOException, InterruptedException {
        List<String> argv = seams.argv().get();
        long logOffset = LogTail.sizeOf(home.hubLogFile());
        Process process = seams.launcher().spawn(argv, Map.of("PARACHUTE_HOME", home.root().toString(),
                "PORT", Integer.toString(port), "PARACHUTE_BIND_HOST", "127.0.0.1"), home.hubLogFile());
        ProcessSnapshot spawned = seams.processes().find(process.pid())
                .orElse(new ProcessSnapshot(process.pid(), process.info().startInstant().orElse(null), ""));
        pidFile.write(process.pid(), spawned.startTime());
        AtomicFiles.writeString(home.hubPortFile(), port + "\n");
        if (process.waitFor(timings.settle().toMillis(), TimeUnit.MILLISECONDS)) {
            return died(port, process, "exited within " + timings.settle().toMillis() + "ms", logOffset);
        }
        long start = seams.clock().millis();
        long budget = timings.ready().toMillis();
        for (int attempt = 0; attempt <= budget / Math.max(1, timings.poll().toMillis()) + 1; attempt++) {
            if (seams.health().hubAnswers(port)) {
                lines.add("✓ hub started (pid " + process.pid() + ") on port " + port + "; logs: " + home.hubLogFile());
                return new ArmResult(true, port, lines);
            }
            long left = budget - (seams.clock().millis() - start);
            if (left <= 0) {
                break;
            }
            if (process.waitFor(Math.min(left, timings.poll().toMillis()), TimeUnit.MILLISECONDS)) {
                return died(port, process, "exited during startup", logOffset);
            }
        }
        List<String> failure = new ArrayList<>(List.of("✗ hub (pid " + process.pid() + ") did not answer /health on 127.0.0.1:" + port
                + " within " + timings.ready().toSeconds() + "s; it is still running — see `parachute logs hub`, or `parachute stop hub`."));
        failure.addAll(LogTail.block(home.hubLogFile(), LogTail.lastLines(home.hubLogFile(), logOffset, LogTail.FAILURE_TAIL_LINES)));
        return ArmResult.failed(port, failure);
    }

    private ArmResult died(int port, Process process, String how, long logOffset) {
        clearRunFiles();
        List<String> failure = new ArrayList<>(List.of("✗ hub failed to start: the hub process (pid " + process.pid() + ") "
                + how + " (exit code " + process.exitValue() + ")."));
        failure.addAll(LogTail.block(home.hubLogFile(), LogTail.lastLines(home.hubLogFile(), logOffset, LogTail.FAILURE_TAIL_LINES)));
        return ArmResult.failed(port, failure);
    }

    private ArmResult portInUse(int port) {
        if (seams.health().hubAnswers(port)) {
            String who = seams.owners().ownerOf(port).map(o -> "pid " + o.pid() + ", ").orElse("");
            return ArmResult.ok(port, "hub already running (" + who + "no pidfile: not started by this CLI) on port " + port + ".");
        }
        Optional<PortOwner> owner = seams.owners().ownerOf(port);
        String fix = " or pick another port with " + HubPorts.PORT_ENV + "=<port>, then `parachute start hub`.";
        return ArmResult.failed(port, List.of(owner
                .map(o -> "✗ hub: port " + port + " unavailable — " + o.describe() + " is already listening. Stop it (`kill " + o.pid() + "`)" + fix)
                .orElse("✗ hub: port " + port + " unavailable. Run `lsof -iTCP:" + port + " -sTCP:LISTEN` to find what's using it," + fix)));
    }

    private ArmResult adoptOrphan(int port, List<String> lines) throws InterruptedException {
        Optional<ProcessSnapshot> orphan = seams.owners().ownerOf(port).flatMap(o -> seams.processes().find(o.pid()));
        if (orphan.isEmpty()) {
            return ArmResult.failed(port, List.of("✗ a hub answers on port " + port + " but its process can't be identified (no pidfile, owner not visible)"
                    + " — find it with `lsof -iTCP:" + port + " -sTCP:LISTEN` and stop it by hand."));
        }
        long pid = orphan.get().pid();
        lines.add("Detected orphan hub process holding port " + port + " (PID " + pid + "); stopping it.");
        return terminate(orphan.get(), port, lines, "✓ orphan hub process (PID " + pid + ") stopped.");
    }

    /** SIGTERM → grace → SIGKILL, re-checking the incarnation right before the first signal. */
    private ArmResult terminate(ProcessSnapshot hub, int port, List<String> lines, String success) throws InterruptedException {
        Optional<ProcessSnapshot> now = seams.processes().find(hub.pid());
        if (now.isEmpty() || (hub.startTime() != null && !hub.sameIncarnation(now.get()))) {
            clearRunFiles();
            lines.add("hub wasn't running (cleaned stale pid file).");
            return new ArmResult(true, port, lines);
        }
        seams.signals().terminate(hub.pid());
        if (!seams.signals().awaitExit(hub.pid(), timings.stopGrace())) {
            lines.add("hub didn't exit after " + timings.stopGrace().toMillis() + "ms; sending SIGKILL.");
            seams.signals().kill(hub.pid());
            if (!seams.signals().awaitExit(hub.pid(), timings.killWait())) {
                lines.add("✗ hub failed to stop: pid " + hub.pid() + " is still alive after SIGKILL.");
                return ArmResult.failed(port, lines);
            }
        }
        clearRunFiles();
        lines.add(success);
        return new ArmResult(true, port, lines);
    }

    private void clearRunFiles() {
        try {
            pidFile.clear();
            Files.deleteIfExists(home.hubPortFile());
        } catch (IOException e) {
            // a leftover run file is re-checked (and ignored when stale) by the next verb
        }
    }
}
