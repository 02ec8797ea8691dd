package computer.parachute.hub.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code argv[0]} of a start command resolves (DESIGN §5 Preflight), for the supervisor's preflight and
 * {@code parachute doctor}: a name with a slash is a path (relative to the working directory), any other name is
 * looked up on PATH. The first executable regular file wins; a non-executable one is remembered for the chmod fix.
 */
public record ExecutableLookup(Optional<Path> executable, Optional<Path> notExecutable) {

    public static ExecutableLookup find(String binary, Path cwd, String pathVariable) {
        if (binary.contains("/")) {
            Path path = Path.of(binary);
            if (!path.isAbsolute() && cwd != null) {
                path = cwd.resolve(path);
            }
            return classify(path, none());
        }
        ExecutableLookup found = none();
        for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                found = classify(Path.of(dir).resolve(binary), found);
                if (found.executable.isPresent()) {
                    return found;
                }
            }
        }
        return found;
    }

    private static ExecutableLookup none() {
        return new ExecutableLookup(Optional.empty(), Optional.empty());
    }

    private static ExecutableLookup classify(Path candidate, ExecutableLookup soFar) {
        if (!Files.isRegularFile(candidate)) {
            return soFar;
        }
        if (Files.isExecutable(candidate)) {
            return new ExecutableLookup(Optional.of(candidate), Optional.empty());
        }
        return soFar.notExecutable.isPresent() ? soFar : new ExecutableLookup(Optional.empty(), Optional.of(candidate));
    }
}
