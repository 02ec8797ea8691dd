package computer.parachute.hub.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process's start instant from {@code /proc} the way the JDK computes it on Linux (boot time from {@code btime} in
 * {@code /proc/stat}, plus {@code starttime} ticks of {@code /proc/<pid>/stat} at USER_HZ), with one small read.
 * {@link ProcessHandle.Info} gets the same instant but also reads the command line and looks the user up in the
 * password database, which made every signal of a 20-module stop cost five file reads.
 */
final class ProcStartInstants {
    /** USER_HZ: the unit of {@code starttime}; 100 on every Linux the hub targets (a mismatch only costs speed). */
    private static final long TICKS_PER_SECOND = 100;

    private final ProcessTree tree;
    private final Path procStat;
    private volatile long bootMillis = -1;

    ProcStartInstants(ProcessTree tree) {
        this(tree, Path.of("/proc/stat"));
    }

    ProcStartInstants(ProcessTree tree, Path procStat) {
        this.tree = tree;
        this.procStat = procStat;
    }

    /** Empty when the process is gone or /proc cannot tell. */
    Optional<Instant> of(long pid) {
        long ticks = tree.birthOf(pid);
        long boot = bootMillis();
        if (ticks <= 0 || boot < 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(boot + ticks * 1000 / TICKS_PER_SECOND));
    }

    private long bootMillis() {
        long boot = bootMillis;
        if (boot < 0) {
            boot = readBootMillis();
            bootMillis = boot; // constant for the life of the machine: read once
        }
        return boot;
    }

    private long readBootMillis() {
        try {
            for (String line : Files.readAllLines(procStat)) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring("btime ".length()).trim()) * 1000;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: every check takes the JDK's path
        }
        return -1;
    }
}
