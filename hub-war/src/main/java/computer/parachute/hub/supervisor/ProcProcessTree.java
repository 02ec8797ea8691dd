package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Production {@link ProcessTree} over Linux {@code /proc}: {@code stat} gives state, group, session and birth;
 * {@code environ} the environment the process was exec'd with (only the owner's processes are readable, so another
 * user's process can never pass for ours). Start times of members come from the {@link ProcessTable}.
 *
 * <p>A scan is on the path of every stop, restart and crash, so it is lean: one directory listing, each {@code stat}
 * read into a reused buffer and parsed in place, and {@code environ} read only for a process that could carry a
 * spawn id asked about: not a kernel thread, and born no earlier than that spawn's leader (a descendant is always
 * born after its ancestor, so an older process is never one; its environment is not even read). Other users'
 * processes are not skipped by owner: the kernel refuses their {@code environ} to a non-root hub anyway, at the cost
 * of the same one system call, and a root hub must still find a descendant that dropped its privileges.
 */
public final class ProcProcessTree implements ProcessTree {
    private static final byte[] SPAWN_ID_PREFIX = (SpawnIdentity.VARIABLE + "=").getBytes(StandardCharsets.US_ASCII);
    /** {@code PF_KTHREAD} in the flags field: a kernel thread has no environment and is never a module's. */
    private static final long KERNEL_THREAD = 0x00200000L;
    private static final int STAT_BUFFER = 1024;
    private static final int ENVIRON_BUFFER = 8192;

    private final Path proc;
    private final String procPrefix;
    private final ProcessTable processTable;

    public ProcProcessTree(ProcessTable processTable) {
        this(Path.of("/proc"), processTable);
    }

    ProcProcessTree(Path proc, ProcessTable processTable) {
        this.proc = proc;
        this.procPrefix = proc + "/";
        this.processTable = processTable;
    }

    @Override
    public boolean canEnumerate() {
        return Files.isReadable(proc.resolve("self").resolve("stat"));
    }

    @Override
    public List<List<ProcessSnapshot>> members(List<Lineage> lineages) {
        List<List<ProcessSnapshot>> members = new ArrayList<>(lineages.size());
        lineages.forEach(lineage -> members.add(new ArrayList<>()));
        if (lineages.isEmpty() || !canEnumerate()) {
            return members;
        }
        String[] names = proc.toFile().list();
        if (names == null) {
            throw new ProcessSignalException("cannot list " + proc);
        }
        byte[][] statBuffer = {new byte[STAT_BUFFER]};
        byte[][] environBuffer = {new byte[ENVIRON_BUFFER]};
        boolean[] matched = new boolean[lineages.size()];
        for (String name : names) {
            long pid = pidOf(name);
            Stat stat = pid > 0 ? stat(pid, statBuffer) : null;
            if (stat == null || stat.zombie() || stat.kernelThread()) {
                continue;
            }
            boolean any = false;
            String carried = null;
            boolean environRead = false;
            for (int i = 0; i < lineages.size(); i++) {
                Lineage lineage = lineages.get(i);
                matched[i] = lineage.group() > 0 && (stat.group() == lineage.group()
                        || stat.session() == lineage.group());
                if (!matched[i] && lineage.spawnId() != null && stat.birth() >= lineage.bornNotBefore()) {
                    if (!environRead) {
                        carried = spawnIdOf(pid, environBuffer);
                        environRead = true;
                    }
                    matched[i] = lineage.spawnId().equals(carried);
                }
                any |= matched[i];
            }
            if (any) {
                Optional<ProcessSnapshot> live = processTable.find(pid);
                for (int i = 0; i < lineages.size() && live.isPresent(); i++) {
                    if (matched[i]) {
                        members.get(i).add(live.get());
                    }
                }
            }
        }
        return members;
    }

    @Override
    public long birthOf(long pid) {
        Stat stat = stat(pid, new byte[][] {new byte[STAT_BUFFER]});
        return stat == null ? 0 : stat.birth();
    }

    @Override
    public Optional<String> spawnIdOf(long pid) {
        return Optional.ofNullable(spawnIdOf(pid, new byte[][] {new byte[ENVIRON_BUFFER]}));
    }

    @Override
    public boolean running(ProcessSnapshot process) {
        if (canEnumerate()) {
            Stat stat = stat(process.pid(), new byte[][] {new byte[STAT_BUFFER]});
            if (stat == null || stat.zombie()) {
                return false;
            }
        }
        return processTable.find(process.pid()).filter(process::sameIncarnation).isPresent();
    }

    @Override
    public long groupOf(long pid) {
        Stat stat = stat(pid, new byte[][] {new byte[STAT_BUFFER]});
        return stat == null ? -1 : stat.group();
    }

    /** {@code birth} is {@code starttime}: clock ticks after boot. */
    private record Stat(boolean zombie, boolean kernelThread, long group, long session, long birth) { }

    private static long pidOf(String name) {
        long pid = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || i > 18) {
                return -1;
            }
            pid = pid * 10 + (c - '0');
        }
        return pid;
    }

    /** {@code pid (comm) state ppid pgrp session tty tpgid flags ... starttime(22nd) ...}, parsed in place. */
    private Stat stat(long pid, byte[][] into) {
        int length = read(procPrefix + pid + "/stat", into);
        byte[] buffer = into[0];
        // comm may hold spaces and parentheses: the fields start after the last ')'
        int at = length - 1;
        while (at >= 0 && buffer[at] != ')') {
            at--;
        }
        if (at < 0 || at + 2 >= length) {
            return null;
        }
        at += 2;
        byte state = buffer[at];
        long[] fields = new long[20]; // fields[k]: the k-th field after state (ppid = 1 ... starttime = 19)
        int field = 0;
        for (int i = at + 1; i < length && field < fields.length; i++) {
            byte b = buffer[i];
            if (b == ' ') {
                field++;
            } else if (b >= '0' && b <= '9' && field < fields.length) {
                fields[field] = fields[field] * 10 + (b - '0');
            } else if (b != '-') {
                break;
            }
        }
        if (field < fields.length - 1) {
            return null;
        }
        return new Stat(state == 'Z' || state == 'X', (fields[6] & KERNEL_THREAD) != 0, fields[2], fields[3],
                fields[19]);
    }

    /** The value of the first {@code PARACHUTE_SPAWN_ID=} entry of {@code pid}'s environ, or null. */
    private String spawnIdOf(long pid, byte[][] buffer) {
        int length = read(procPrefix + pid + "/environ", buffer);
        byte[] environ = buffer[0];
        for (int entry = 0; entry < length; ) {
            int end = entry;
            while (end < length && environ[end] != 0) {
                end++;
            }
            if (end - entry >= SPAWN_ID_PREFIX.length && Arrays.equals(environ, entry, entry
                    + SPAWN_ID_PREFIX.length, SPAWN_ID_PREFIX, 0, SPAWN_ID_PREFIX.length)) {
                return new String(environ, entry + SPAWN_ID_PREFIX.length, end - entry - SPAWN_ID_PREFIX.length,
                        StandardCharsets.UTF_8);
            }
            entry = end + 1;
        }
        return null;
    }

    /** Reads the whole file into {@code buffer[0]} (replaced by a bigger one when needed); -1 when unreadable. */
    private static int read(String file, byte[][] buffer) {
        try (FileInputStream in = new FileInputStream(file)) {
            int length = 0;
            while (true) {
                if (length == buffer[0].length) {
                    buffer[0] = Arrays.copyOf(buffer[0], buffer[0].length * 2);
                }
                int n = in.read(buffer[0], length, buffer[0].length - length);
                if (n < 0) {
                    return length;
                }
                length += n;
            }
        } catch (IOException e) {
            return -1; // gone, or another user's process
        }
    }
}
