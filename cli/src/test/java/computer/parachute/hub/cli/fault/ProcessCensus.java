package computer.parachute.hub.cli.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The live (non-zombie) processes of the suite's modules, found by scanning /proc for command lines that run a
 * script under the suite's own modules directory: only what this test started matches, so nothing else is ever
 * counted or killed. Processes the test itself started there as foreigners ({@code foreign}) are left out. Each
 * carries the hub's spawn id (PARACHUTE_SPAWN_ID), which tells one spawn's family from another's.
 */
final class ProcessCensus {
    /** One module process: its pid, its process group, and the module it belongs to. */
    record ModuleProcess(long pid, long pgid, String shortName, String commandLine, String spawnId) {}

    private static final String SPAWN_ID = "PARACHUTE_SPAWN_ID=";

    private static final Path PROC = Path.of("/proc");

    private final String modulesPrefix;
    private final Set<Long> foreign;

    ProcessCensus(Path modulesDir, Set<Long> foreign) {
        this.modulesPrefix = modulesDir.toAbsolutePath().normalize() + "/";
        this.foreign = foreign;
    }

    List<ModuleProcess> scan() {
        List<ModuleProcess> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (foreign.contains(pid)) {
                    continue;
                }
                String commandLine = commandLine(pid);
                int at = commandLine.indexOf(modulesPrefix);
                if (at < 0) {
                    continue;
                }
                String rest = commandLine.substring(at + modulesPrefix.length());
                String shortName = rest.substring(0, Math.max(0, rest.indexOf('/')));
                OptionalLong pgid = liveGroup(pid);
                if (!shortName.isEmpty() && pgid.isPresent()) {
                    found.add(new ModuleProcess(pid, pgid.getAsLong(), shortName, commandLine, spawnIdOf(pid)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return found;
    }

    /** argv joined by spaces; empty for a process that is gone or a zombie. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The hub's spawn id in the environment {@code pid} was exec'd with; null when none or unreadable. */
    static String spawnIdOf(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                if (entry.startsWith(SPAWN_ID)) {
                    return entry.substring(SPAWN_ID.length());
                }
            }
        } catch (IOException e) {
            // gone
        }
        return null;
    }

    /** The process group of a live pid; empty when it is gone or a zombie (its group no longer matters). */
    static OptionalLong liveGroup(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return "Z".equals(fields[0]) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[2]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
