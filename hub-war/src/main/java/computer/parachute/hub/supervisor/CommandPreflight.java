package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ExecutableLookup;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Before spawning (DESIGN §5 Preflight): resolve {@code cmd[0]} on the child's PATH (or against its cwd when it
 * contains a slash). Missing gives {@code missing_dependency} naming the binary; present but not executable gives
 * {@code non_executable} with the chmod fix (reference §9.2 #634). The lookup is core's, shared with
 * {@code parachute doctor}.
 */
final class CommandPreflight {
    private CommandPreflight() {}

    /** The absolute executable to spawn, or the start error to record (exactly one is set). */
    record Outcome(Path executable, StartError error) { }

    /** Resolves {@code cmd[0]}; an invalid name (a NUL byte) throws {@link java.nio.file.InvalidPathException}. */
    static Outcome check(SpawnRequest request, Instant now) {
        String binary = request.cmd().get(0);
        String pathVar = request.env().getOrDefault(SpawnRequests.PATH, System.getenv(SpawnRequests.PATH));
        ExecutableLookup resolution = ExecutableLookup.find(binary, request.cwd(), pathVar);
        if (resolution.executable().isPresent()) {
            return new Outcome(resolution.executable().get().toAbsolutePath(), null);
        }
        String shortName = request.shortName();
        if (resolution.notExecutable().isPresent()) {
            String path = resolution.notExecutable().get().toString();
            return new Outcome(null, StartError.of(StartErrorType.NON_EXECUTABLE,
                    shortName + " cannot start: " + path + " is not executable — fix it with: chmod +x " + path
                            + " && parachute start " + shortName, binary, now));
        }
        return new Outcome(null, StartError.of(StartErrorType.MISSING_DEPENDENCY,
                shortName + " cannot start: \"" + binary + "\" was not found on its PATH — install it (or add its"
                        + " directory to PATH), then run: parachute start " + shortName, binary, now));
    }
}
