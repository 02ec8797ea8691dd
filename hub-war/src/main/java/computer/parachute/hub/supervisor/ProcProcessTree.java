package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Production {@link ProcessTree} over Linux {@code /proc}: {@code stat} gives state, group and session; {@code
 * environ} the environment the process was exec'd with (only the owner's processes are readable, so another user's
 * process can never pass for ours). Start times come from the {@link ProcessTable}.
 */
public final class ProcProcessTree implements ProcessTree {
    private static final String SPAWN_ID_PREFIX = SpawnIdentity.VARIABLE + "=";

    private final Path proc;
    private final ProcessTable processTable;

    public ProcProcessTree(ProcessTable processTable) {
        this(Path.of("/proc"), processTable);
    }

    ProcProcessTree(Path proc, ProcessTable processTable) {
        this.proc = proc;
        this.processTable = processTable;
    }

    @Override
    public boolean canEnumerate() {
        return Files.isReadable(proc.resolve("self").resolve("stat"));
    }

    @Override
    public List<ProcessSnapshot> family(String spawnId, long group) {
        List<ProcessSnapshot> members = new ArrayList<>();
        if (!canEnumerate()) {
            return members;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                Optional<Stat> stat = stat(pid);
                if (stat.isEmpty() || stat.get().zombie()) {
                    continue;
                }
                boolean member = group > 0 && (stat.get().group() == group || stat.get().session() == group);
                if (member || (spawnId != null && spawnId.equals(spawnIdOf(pid).orElse(null)))) {
                    processTable.find(pid).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            throw new ProcessSignalException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        return members;
    }

    @Override
    public Optional<String> spawnIdOf(long pid) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException e) {
            return Optional.empty(); // gone, or another user's process
        }
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(SPAWN_ID_PREFIX)) {
                return Optional.of(entry.substring(SPAWN_ID_PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean running(ProcessSnapshot process) {
        if (canEnumerate()) {
            Optional<Stat> stat = stat(process.pid());
            if (stat.isEmpty() || stat.get().zombie()) {
                return false;
            }
        }
        return processTable.find(process.pid()).filter(process::sameIncarnation).isPresent();
    }

    @Override
    public long groupOf(long pid) {
        return stat(pid).map(Stat::group).orElse(-1L);
    }

    private record Stat(boolean zombie, long group, long session) { }

    private Optional<Stat> stat(long pid) {
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses, so split after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new Stat("Z".equals(fields[0]) || "X".equals(fields[0]), Long.parseLong(fields[2]),
                    Long.parseLong(fields[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
