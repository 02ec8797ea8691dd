package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortOwner;
import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Who holds a module's port before a spawn or after a crash (DESIGN §5; reference §9.2 #580, #582): an orphan of
 * this same module (its binary or install dir in the command line, or a recorded child of this module) is ended and
 * the caller proceeds; anyone else is a squatter, named in a {@code port_squatter} error and never touched.
 */
final class PortGuard {
    /** Interpreters and shells: their name in a command line says nothing about which module it is. */
    private static final Set<String> GENERIC_RUNTIMES = Set.of("sh", "bash", "zsh", "dash", "env", "node", "bun",
            "deno", "python", "python3", "java", "ruby", "perl", "uv", "uvx", "npx", "npm", "pnpm", "yarn");

    private final PortProbe probe;
    private final PortOwnerLookup owners;
    private final ProcessTable processTable;
    private final OrphanKiller killer;
    private final ChildRecords records;
    private final String userHome;

    PortGuard(PortProbe probe, PortOwnerLookup owners, ProcessTable processTable, OrphanKiller killer,
              ChildRecords records, String userHome) {
        this.probe = probe;
        this.owners = owners;
        this.processTable = processTable;
        this.killer = killer;
        this.records = records;
        this.userHome = userHome;
    }

    /** Empty when the port is free (after ending an orphan of this module), else the squatter error. */
    Optional<StartError> clear(SpawnRequest request, Instant now) {
        OptionalInt port = request.port();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        // The common case, a free port, answers a loopback connect with a refusal in microseconds; the owner look-up
        // reads /proc/net/tcp{,6}, which the kernel builds by walking its whole socket hash (~5 ms here, on every
        // spawn and crash). A listener the connect cannot reach (another address only) does not stop a module
        // binding 127.0.0.1 either.
        if (!probe.isListening(port.getAsInt())) {
            return Optional.empty();
        }
        Optional<PortOwner> owner = owners.ownerOf(port.getAsInt());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessSnapshot> live = processTable.find(owner.get().pid());
        if (live.isPresent() && isOrphanOf(request, owner.get())) {
            killer.terminate(List.of(live.get()));
            return Optional.empty();
        }
        return Optional.of(squatter(request, port.getAsInt(), owner.get(), now));
    }

    boolean isOrphanOf(SpawnRequest request, PortOwner owner) {
        String commandLine = owner.commandLine() == null ? "" : owner.commandLine();
        return mentionsBinary(request.cmd().get(0), commandLine)
                || mentionsInstallDir(request.cwd(), commandLine)
                || isRecordedChild(request.shortName(), owner.pid());
    }

    private static boolean mentionsBinary(String binary, String commandLine) {
        String name = Path.of(binary).getFileName().toString();
        if (GENERIC_RUNTIMES.contains(name) || name.matches("python3\\.\\d+")) {
            return false;
        }
        for (String token : commandLine.split("\\s+")) {
            if (token.equals(binary) || (!token.isEmpty() && token.endsWith("/" + name)) || token.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The install dir counts only when it is specific: never "/" or the home directory itself. */
    private boolean mentionsInstallDir(Path installDir, String commandLine) {
        if (installDir == null) {
            return false;
        }
        Path dir = installDir.toAbsolutePath().normalize();
        if (dir.getNameCount() < 2 || (userHome != null && dir.equals(Path.of(userHome).toAbsolutePath()))) {
            return false;
        }
        return commandLine.contains(dir + "/") || commandLine.endsWith(dir.toString())
                || commandLine.contains(dir + " ");
    }

    private boolean isRecordedChild(String shortName, long pid) {
        Optional<ProcessSnapshot> live = processTable.find(pid);
        return live.isPresent() && records.all().stream()
                .filter(record -> record.shortName().equals(shortName) && record.pid() == pid)
                .anyMatch(record -> new ProcessSnapshot(pid, record.startTime(), "").sameIncarnation(live.get()));
    }

    private static StartError squatter(SpawnRequest request, int port, PortOwner owner, Instant now) {
        String shortName = request.shortName();
        return StartError.of(StartErrorType.PORT_SQUATTER, "port " + port + " is held by " + owner.describe()
                + " outside the supervisor — kill it and retry: kill " + owner.pid() + " && parachute start "
                + shortName, null, now);
    }
}
