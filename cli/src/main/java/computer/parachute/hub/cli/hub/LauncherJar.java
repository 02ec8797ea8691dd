package computer.parachute.hub.cli.hub;

import computer.parachute.hub.cli.CliFailure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds launcher.jar for the detached arm, {@code serve} and {@code hub install}: the {@code --launcher} option,
 * then {@code PARACHUTE_LAUNCHER_JAR}, then {@code launcher.jar} beside parachute.jar (the packaged layout), then
 * the build tree of a source checkout ({@code <repo>/launcher/target/launcher.jar} next to {@code <repo>/cli/target}).
 */
public final class LauncherJar {
    public static final String ENV = "PARACHUTE_LAUNCHER_JAR";
    public static final String FILE_NAME = "launcher.jar";

    private LauncherJar() {}

    public static Path locate(Optional<Path> option, Map<String, String> env, Optional<Path> cliJarDir) throws CliFailure {
        List<Path> tried = new ArrayList<>();
        if (option.isPresent()) {
            return mustExist(option.get(), "--launcher");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return mustExist(Path.of(fromEnv.trim()), ENV);
        }
        if (cliJarDir.isPresent()) {
            Path dir = cliJarDir.get();
            for (Path candidate : List.of(dir.resolve(FILE_NAME), dir.resolve("../../launcher/target/" + FILE_NAME),
                    dir.resolve("../launcher/target/" + FILE_NAME))) {
                Path normal = candidate.toAbsolutePath().normalize();
                if (Files.isRegularFile(normal)) {
                    return normal;
                }
                tried.add(normal);
            }
        }
        throw new CliFailure("cannot find " + FILE_NAME + " (looked at " + tried + ") — set " + ENV
                + "=<path to launcher.jar> or pass --launcher <path>");
    }

    private static Path mustExist(Path jar, String source) throws CliFailure {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new CliFailure(source + " points at " + absolute + ", which is not a file — build it (`mvn -q -DskipTests package`) or fix the path");
        }
        return absolute;
    }
}
