package computer.parachute.hub.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What is still in the hub unit's cgroup once the hub is gone (issue 12). The unit runs with {@code KillMode=process}:
 * systemd signals only the hub, so a crash no longer ends in systemd's instant SIGKILL of every module; in exchange
 * the unit's {@code ExecStopPost} ({@link ReapModules}) must end whatever the hub and its records did not (a process
 * that left its module's session and scrubbed its environment). Membership of the unit's cgroup is the proof: only
 * systemd puts processes there, and only the unit's own processes can be in it. Each gets SIGTERM, a grace, then
 * SIGKILL, as a module does.
 *
 * <p>Only when this JVM is the unit's own process (cgroup leaf named after the unit, {@code INVOCATION_ID} set by
 * systemd): run by hand from a shell, the cgroup is the shell's session and nothing is touched.
 */
final class UnitCgroupSweep {
    private static final Pattern V1_SYSTEMD = Pattern.compile("^\\d+:name=systemd:(/.*)$");
    private static final Pattern V2 = Pattern.compile("^0::(/.*)$");
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);
    /** Cgroups below the unit's (none without Delegate=, but a walk is cheap). */
    private static final int MAX_DEPTH = 8;

    private UnitCgroupSweep() {}

    /**
     * The unit's cgroup directory for a process whose {@code /proc/self/cgroup} is {@code cgroupLines}: the
     * {@code name=systemd} hierarchy on cgroup v1 (systemd's own tracking), else the v2 path under {@code cgroupRoot}
     * (unified) or {@code cgroupRoot/unified} (hybrid). Empty unless its last element is {@code unitName}.
     */
    static Optional<Path> unitCgroup(List<String> cgroupLines, Path cgroupRoot, String unitName) {
        Optional<Path> dir = find(cgroupLines, V1_SYSTEMD).map(path -> cgroupRoot.resolve("systemd").resolve(path));
        if (dir.isEmpty()) {
            dir = find(cgroupLines, V2).map(path -> Files.isRegularFile(cgroupRoot.resolve("cgroup.controllers"))
                    ? cgroupRoot.resolve(path) : cgroupRoot.resolve("unified").resolve(path));
        }
        return dir.filter(path -> path.getFileName() != null && path.getFileName().toString().equals(unitName))
                .filter(Files::isDirectory);
    }

    private static Optional<String> find(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line.strip());
            if (m.matches() && !m.group(1).equals("/")) {
                return Optional.of(m.group(1).substring(1));
            }
        }
        return Optional.empty();
    }

    /** The pids in {@code cgroup} and the cgroups below it; a vanished cgroup has none. */
    static List<Long> members(Path cgroup) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(cgroup, MAX_DEPTH)) {
            for (Path procs : walk.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
                for (String line : Files.readAllLines(procs)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone with its last process, or unreadable: nothing to sweep
        }
        return pids;
    }

    /**
     * SIGTERM to every member of {@code cgroup} but this process, up to {@code grace} for them to exit, SIGKILL to the
     * rest. Returns the processes it signalled (pid and command line, for the journal).
     */
    static List<String> sweep(Path cgroup, Duration grace) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> targets = members(cgroup).stream().filter(pid -> pid != self)
                .map(ProcessHandle::of).flatMap(Optional::stream).toList();
        List<String> swept = targets.stream()
                .map(h -> h.pid() + " (" + h.info().commandLine().orElse("?") + ")").toList();
        targets.forEach(ProcessHandle::destroy);
        if (!awaitExit(targets, grace)) {
            targets.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(targets, AFTER_KILL);
        }
        return swept;
    }

    private static boolean awaitExit(List<ProcessHandle> targets, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (targets.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
