package computer.parachute.hub.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time and resident memory of a module's processes, read from {@code /proc} (Linux): the module's child, every
 * descendant of it, and every process still in its session (a grandchild that daemonized by double-fork keeps the
 * session the supervisor gave the child with {@code setsid}). One pass over {@code /proc/[pid]/stat} per
 * {@link #scan()}; elsewhere (no {@code /proc}) every figure is empty, never an error.
 */
final class ProcessTreeUsage {
    /** {@code /proc/[pid]/stat} reports times in USER_HZ, which the kernel fixes at 100 for user space. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path proc;

    ProcessTreeUsage(Path proc) {
        this.proc = proc;
    }

    static ProcessTreeUsage system() {
        return new ProcessTreeUsage(Path.of("/proc"));
    }

    /** The processes visible now; a process that vanishes mid-scan is skipped. */
    Table scan() {
        Map<Long, Stat> stats = new HashMap<>();
        if (!Files.isDirectory(proc)) {
            return new Table(proc, stats);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcessTreeUsage::isPidDir)) {
            for (Path dir : dirs) {
                Stat stat = readStat(dir);
                if (stat != null) {
                    stats.put(stat.pid, stat);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a partial table undercounts for one scrape; it never fails the scrape
        }
        return new Table(proc, stats);
    }

    private static boolean isPidDir(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Fields after the command (which may hold spaces and parentheses, so split at the last ')'). */
    private static Stat readStat(Path dir) {
        try {
            String line = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            int close = line.lastIndexOf(')');
            String[] f = line.substring(close + 2).trim().split(" ");
            // f[0]=state(3) f[1]=ppid(4) f[3]=session(6) f[11]=utime(14) f[12]=stime(15)
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[3]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private record Stat(long pid, long ppid, long session, long cpuTicks) {}

    /** One scan's process table. */
    static final class Table {
        private final Path proc;
        private final Map<Long, Stat> stats;
        private final Map<Long, List<Long>> children = new HashMap<>();

        private Table(Path proc, Map<Long, Stat> stats) {
            this.proc = proc;
            this.stats = stats;
            for (Stat stat : stats.values()) {
                children.computeIfAbsent(stat.ppid, key -> new ArrayList<>()).add(stat.pid);
            }
        }

        /** {@code root}, its descendants and its session's members; empty when {@code root} is gone. */
        Set<Long> tree(long root) {
            Set<Long> members = new HashSet<>();
            if (!stats.containsKey(root)) {
                return members;
            }
            Deque<Long> pending = new ArrayDeque<>(List.of(root));
            for (Stat stat : stats.values()) {
                if (stat.session == root) {
                    pending.add(stat.pid);
                }
            }
            while (!pending.isEmpty()) {
                long pid = pending.pop();
                if (members.add(pid)) {
                    pending.addAll(children.getOrDefault(pid, List.of()));
                }
            }
            return members;
        }

        double cpuSeconds(Set<Long> pids) {
            long ticks = 0;
            for (long pid : pids) {
                Stat stat = stats.get(pid);
                ticks += stat == null ? 0 : stat.cpuTicks;
            }
            return ticks / TICKS_PER_SECOND;
        }

        /** Sum of {@code VmRSS} (kB in {@code /proc/[pid]/status}, exact whatever the page size). */
        double rssBytes(Set<Long> pids) {
            long bytes = 0;
            for (long pid : pids) {
                bytes += vmRssBytes(proc.resolve(Long.toString(pid)).resolve("status"));
            }
            return bytes;
        }

        private static long vmRssBytes(Path status) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                    if (line.startsWith("VmRSS:")) {
                        String kb = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                        return Long.parseLong(kb) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone since the scan, or a kernel thread without memory
            }
            return 0;
        }
    }
}
