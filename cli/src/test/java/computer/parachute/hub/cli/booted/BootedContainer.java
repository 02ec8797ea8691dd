package computer.parachute.hub.cli.booted;

import computer.parachute.hub.core.testing.Poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real systemd booted as PID 1 of a container: {@code systemd-nspawn -b} on {@link DebianRootfs}, read-only under
 * an overlay whose upper layer is a directory of the test's ({@code --overlay=tree:upper:/}: the cached tree is never
 * written, concurrent boots share it, and a second boot on the same upper directory is a reboot), loopback-only
 * network ({@code --private-network}: the hub inside may take its default port without meeting anything on the host),
 * {@code --register=no} (no machined needed) and, where PID 1 is not systemd, {@code --keep-unit} (no manager to ask for
 * a scope).
 * Commands run inside through {@code nsenter} into every namespace of the container's PID 1, with a clean
 * environment, each bounded in time. {@link #close} powers the container off (SIGTERM to nspawn) and SIGKILLs its
 * PID 1 and nspawn by pid if that does not end it in time: when PID 1 of a pid namespace dies the kernel kills
 * everything in it, commands entered with nsenter included.
 */
final class BootedContainer implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
    private static final Duration BOOT_WAIT = Duration.ofSeconds(60);
    private static final Duration POWEROFF_WAIT = Duration.ofSeconds(20);
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    record Result(int code, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private final Process nspawn;
    private final long leader;
    private final Path workDir;
    private final Map<String, String> env;
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private BootedContainer(Process nspawn, long leader, Path workDir, Map<String, String> env) {
        this.nspawn = nspawn;
        this.leader = leader;
        this.workDir = workDir;
        this.env = env;
    }

    /**
     * Boots {@code rootfs} with its writes in {@code upper} (kept across boots) and each {@code binds} entry
     * ({@code host path -> container path}) bind-mounted read-only, waits until PID 1 is up and
     * {@code systemctl is-system-running --wait} has answered, and returns it. {@code env} is the whole environment
     * of every command run inside. nspawn's console is appended to {@code workDir/console.log}.
     */
    static BootedContainer boot(Path rootfs, Path upper, Map<Path, String> binds, Map<String, String> env,
                                Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(upper);
        List<String> argv = new ArrayList<>(List.of("systemd-nspawn", "--quiet", "-D", rootfs.toString(), "-b",
                "--register=no"));
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            // PID 1 is not systemd: no manager to allocate a scope from, nspawn stays in the caller's cgroup. Under a
            // systemd PID 1 nspawn asks it for a transient scope with a delegated cgroup, which the guest's systemd
            // needs on cgroup v2 (that branch is untested here: this box is a container on cgroup v1)
            argv.add("--keep-unit");
        }
        argv.addAll(List.of("--private-network", "--read-only", "--overlay=" + rootfs + ":" + upper + ":/",
                "-M", "parachute-it-" + ProcessHandle.current().pid()));
        binds.forEach((host, inside) -> argv.add("--bind-ro=" + host + ":" + inside));
        Process nspawn = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("console.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        long[] leader = {-1};
        try {
            boolean found = Poll.until(LEADER_WAIT, () -> {
                if (!nspawn.isAlive()) {
                    return true;
                }
                leader[0] = nspawn.descendants().mapToLong(ProcessHandle::pid).filter(BootedContainer::isPidOne)
                        .findFirst().orElse(-1);
                return leader[0] > 0;
            });
            if (!found || leader[0] <= 0) {
                throw new IOException("systemd-nspawn started no container PID 1 within " + LEADER_WAIT
                        + (nspawn.isAlive() ? "" : " (it exited " + nspawn.exitValue() + ")") + "; console:\n"
                        + DebianRootfs.tail(workDir.resolve("console.log"), 30));
            }
            BootedContainer container = new BootedContainer(nspawn, leader[0], workDir, env);
            // PID 1 exists before its control socket does: until then systemctl fails to connect ("offline"); retry
            long deadline = System.nanoTime() + BOOT_WAIT.toNanos();
            Result running = container.exec(BOOT_WAIT, "systemctl", "is-system-running", "--wait");
            while (List.of("", "offline").contains(running.stdout().strip()) && System.nanoTime() - deadline < 0) {
                Thread.sleep(100);
                running = container.exec(BOOT_WAIT, "systemctl", "is-system-running", "--wait");
            }
            String state = running.stdout().strip();
            if (!state.equals("running") && !state.equals("degraded")) {
                container.close();
                throw new IOException("the container's systemd did not finish booting: is-system-running=" + running.all()
                        + "; console:\n" + DebianRootfs.tail(workDir.resolve("console.log"), 30));
            }
            return container;
        } catch (IOException | InterruptedException | RuntimeException e) {
            kill(nspawn, leader[0]);
            throw e;
        }
    }

    /** PID 1 of its own pid namespace: the last NSpid field is 1 (the host sees its real pid). */
    private static boolean isPidOne(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("NSpid:")).findFirst()
                    .map(line -> line.split("\\s+"))
                    .map(fields -> fields.length > 2 && fields[fields.length - 1].equals("1")).orElse(false);
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
    }

    long leaderPid() {
        return leader;
    }

    Result exec(String... argv) throws IOException, InterruptedException {
        return exec(COMMAND_TIMEOUT, argv);
    }

    /** Runs {@code argv} inside the container (all of PID 1's namespaces, a clean environment), bounded by timeout. */
    Result exec(Duration timeout, String... argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("nsenter", "-t", Long.toString(leader), "-a", "env", "-i"));
        env.forEach((key, value) -> command.add(key + "=" + value));
        command.addAll(List.of(argv));
        int n = COMMANDS.incrementAndGet();
        Path out = workDir.resolve("cmd-" + n + ".out");
        Path err = workDir.resolve("cmd-" + n + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("`" + String.join(" ", argv) + "` inside the container did not finish within "
                    + timeout + "; output so far: " + Files.readString(out) + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Like {@link #exec} but the command must exit 0. */
    Result ok(String... argv) throws IOException, InterruptedException {
        Result result = exec(argv);
        if (result.code() != 0) {
            throw new AssertionError("`" + String.join(" ", argv) + "` exited " + result.code() + ": " + result.all());
        }
        return result;
    }

    /** One property of a unit ({@code systemctl show -P}). */
    String unitProperty(String unit, String property) throws IOException, InterruptedException {
        return ok("systemctl", "show", "-P", property, unit).stdout().strip();
    }

    /** Saves the container's whole journal of this boot beside the console log (for a failed run's post-mortem). */
    void saveJournal() {
        try {
            Result journal = exec("journalctl", "-b", "--no-pager", "-o", "short-precise");
            Files.writeString(workDir.resolve("journal.txt"), journal.all());
        } catch (IOException | InterruptedException | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        powerOff();
    }

    /**
     * SIGTERM to nspawn, which asks the container's systemd for an orderly poweroff; true when that ended it within
     * {@link #POWEROFF_WAIT}, else (false) its PID 1 and nspawn are SIGKILLed.
     */
    boolean powerOff() {
        nspawn.destroy();
        try {
            if (nspawn.waitFor(POWEROFF_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                return nspawn.exitValue() == 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(nspawn, leader);
        return false;
    }

    /** SIGKILL to the container's PID 1 (the kernel then kills its whole pid namespace), then to nspawn. */
    private static void kill(Process nspawn, long leader) {
        if (leader > 0) {
            Optional<ProcessHandle> pidOne = ProcessHandle.of(leader);
            pidOne.ifPresent(ProcessHandle::destroyForcibly);
            pidOne.ifPresent(h -> h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join());
        }
        nspawn.destroyForcibly();
        try {
            nspawn.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The environment for commands inside: the container's PATH and root's home, plus {@code extra}. */
    static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("HOME", "/root");
        env.put("LANG", "C.UTF-8");
        env.put("SYSTEMD_PAGER", "");
        env.put("SYSTEMD_COLORS", "0");
        env.putAll(extra);
        return env;
    }
}
