package computer.parachute.hub.cli.booted;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal Debian 12 tree that boots systemd under {@code systemd-nspawn -b}, made once with {@code debootstrap}
 * and cached between runs (the boot mounts it read-only under a tmpfs overlay, so a run never changes it). No Java in
 * it: the host's JDK and the built jars are bind-mounted at boot. Rebuilt only when the directory named by
 * {@link #VERSION} is missing; change the version when the package list or the post-install steps change.
 */
final class DebianRootfs {
    /**
     * systemd 252 + dbus (logind, so boot reaches "running"), libpam-systemd (a user manager for a lingering user: it
     * sets XDG_RUNTIME_DIR, without which user@.service exits at once), python3 for the module; bump with any change.
     */
    static final String VERSION = "bookworm-systemd-dbus-pam-python3-v2";
    static final String SUITE = "bookworm";
    static final List<String> PACKAGES = List.of("systemd", "dbus", "libpam-systemd", "python3");
    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    /** debootstrap of ~100 packages: ~1.5-2.5 min on the shared 2-core box with a nearby mirror. */
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** A concurrent run (another JVM) building the same tree. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(11);

    private DebianRootfs() {}

    /** {@code $PARACHUTE_IT_CACHE}, else {@code ~/.cache/parachute-it}. */
    static Path cacheDir() {
        String env = System.getenv("PARACHUTE_IT_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "parachute-it");
    }

    static Path cached() {
        return cacheDir().resolve("rootfs-" + VERSION);
    }

    /**
     * The cached tree, built first when missing (under a file lock, into a side directory renamed into place only
     * once complete, so a killed build is never mistaken for a tree). {@code log} receives debootstrap's output.
     */
    static Path ensure(Path log) throws IOException, InterruptedException {
        Path tree = cached();
        if (Files.isDirectory(tree)) {
            return tree;
        }
        Files.createDirectories(cacheDir());
        try (FileChannel channel = FileChannel.open(cacheDir().resolve(".build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lock(channel)) {
            if (Files.isDirectory(tree)) {
                return tree; // another run built it while this one waited
            }
            Path partial = cacheDir().resolve("rootfs-" + VERSION + ".partial");
            deleteTree(partial);
            String mirror = System.getenv().getOrDefault("PARACHUTE_IT_MIRROR", DEFAULT_MIRROR);
            run(List.of(tool("debootstrap"), "--variant=minbase", "--include=" + String.join(",", PACKAGES), SUITE,
                    partial.toString(), mirror), log, BUILD_TIMEOUT);
            trim(partial);
            Files.move(partial, tree, StandardCopyOption.ATOMIC_MOVE);
            return tree;
        }
    }

    /**
     * Fewer moving parts at boot: no apt/e2scrub/fstrim timers waking up during a test, no package caches.
     */
    private static void trim(Path tree) throws IOException {
        deleteTree(tree.resolve("etc/systemd/system/timers.target.wants"));
        deleteTree(tree.resolve("var/cache/apt/archives"));
        for (String name : List.of("pkgcache.bin", "srcpkgcache.bin")) {
            Files.deleteIfExists(tree.resolve("var/cache/apt").resolve(name));
        }
        Files.writeString(tree.resolve("etc/hostname"), "parachute-it\n", StandardCharsets.UTF_8);
    }

    /** {@code name} on PATH, else in /usr/sbin or /sbin (root's tools; a non-login PATH may lack them); null if none. */
    static String tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        return java.util.Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }

    private static FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("another run holds " + cacheDir().resolve(".build.lock") + " for over " + LOCK_WAIT);
            }
            Thread.sleep(500);
        }
    }

    private static void run(List<String> argv, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IOException(String.join(" ", argv) + " did not finish within " + timeout + "; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " exited " + process.exitValue() + "; last lines:\n"
                    + tail(log, 15));
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * rm -rf that never follows a symlink out of the tree (a rootfs is full of absolute links), and refuses a tree with
     * anything mounted inside: a killed debootstrap can leave the host's /proc, /sys or /dev mounted in its target.
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String prefix = dir.toAbsolutePath().normalize() + "/";
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")[4]).filter(point -> point.startsWith(prefix)).toList();
        if (!mounts.isEmpty()) {
            throw new IOException("not deleting " + dir + ": mounted inside it " + mounts + " (umount them first)");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
