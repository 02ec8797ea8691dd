package computer.parachute.hub.supervisor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Before spawning (DESIGN §5 Preflight): resolve {@code cmd[0]} on the child's PATH (or against its cwd when it
 * contains a slash). Missing gives {@code missing_dependency} naming the binary; present but not executable gives
 * {@code non_executable} with the chmod fix (reference §9.2 #634).
 */
final class CommandPreflight {
    private CommandPreflight() {}

    /** The absolute executable to spawn, or the start error to record (exactly one is set). */
    record Outcome(Path executable, StartError error) { }

    /** Resolves {@code cmd[0]}; an invalid name (a NUL byte) throws {@link java.nio.file.InvalidPathException}. */
    static Outcome check(SpawnRequest request, Instant now) {
        String binary = request.cmd().get(0);
        Resolution resolution = resolve(binary, request);
        if (resolution.executable != null) {
            return new Outcome(resolution.executable.toAbsolutePath(), null);
        }
        String shortName = request.shortName();
        if (resolution.notExecutable != null) {
            String path = resolution.notExecutable.toString();
            return new Outcome(null, StartError.of(StartErrorType.NON_EXECUTABLE,
                    shortName + " cannot start: " + path + " is not executable — fix it with: chmod +x " + path
                            + " && parachute start " + shortName, binary, now));
        }
        return new Outcome(null, StartError.of(StartErrorType.MISSING_DEPENDENCY,
                shortName + " cannot start: \"" + binary + "\" was not found on its PATH — install it (or add its"
                        + " directory to PATH), then run: parachute start " + shortName, binary, now));
    }

    private record Resolution(Path executable, Path notExecutable) { }

    private static Resolution resolve(String binary, SpawnRequest request) {
        if (binary.contains("/")) {
            Path path = Path.of(binary);
            if (!path.isAbsolute() && request.cwd() != null) {
                path = request.cwd().resolve(path);
            }
            return classify(path, new Resolution(null, null));
        }
        Resolution found = new Resolution(null, null);
        String pathVar = request.env().getOrDefault(SpawnRequests.PATH, System.getenv(SpawnRequests.PATH));
        for (String dir : (pathVar == null ? "" : pathVar).split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                found = classify(Path.of(dir).resolve(binary), found);
                if (found.executable != null) {
                    return found;
                }
            }
        }
        return found;
    }

    private static Resolution classify(Path candidate, Resolution soFar) {
        if (!Files.isRegularFile(candidate)) {
            return soFar;
        }
        if (Files.isExecutable(candidate)) {
            return new Resolution(candidate, null);
        }
        return soFar.notExecutable != null ? soFar : new Resolution(null, candidate);
    }
}
