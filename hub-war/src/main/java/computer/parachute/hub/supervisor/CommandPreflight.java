package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ExecutableLookup;
import java.time.Instant;
import java.util.Optional;

/**
 * Before spawning (DESIGN §5 Preflight): resolve {@code cmd[0]} on the child's PATH (or against its cwd when it
 * contains a slash). Missing gives {@code missing_dependency} naming the binary; present but not executable gives
 * {@code non_executable} with the chmod fix (reference §9.2 #634).
 */
final class CommandPreflight {
    private CommandPreflight() {}

    /** Empty when the command can be executed, else the start error to record. */
    static Optional<StartError> check(SpawnRequest request, Instant now) {
        String binary = request.cmd().get(0);
        String pathVar = request.env().getOrDefault(SpawnRequests.PATH, System.getenv(SpawnRequests.PATH));
        ExecutableLookup resolution = ExecutableLookup.find(binary, request.cwd(), pathVar);
        if (resolution.executable().isPresent()) {
            return Optional.empty();
        }
        String shortName = request.shortName();
        if (resolution.notExecutable().isPresent()) {
            String path = resolution.notExecutable().get().toString();
            return Optional.of(StartError.of(StartErrorType.NON_EXECUTABLE,
                    shortName + " cannot start: " + path + " is not executable — fix it with: chmod +x " + path
                            + " && parachute start " + shortName, binary, now));
        }
        return Optional.of(StartError.of(StartErrorType.MISSING_DEPENDENCY,
                shortName + " cannot start: \"" + binary + "\" was not found on its PATH — install it (or add its"
                        + " directory to PATH), then run: parachute start " + shortName, binary, now));
    }
}
