package computer.parachute.hub.cli.command;

import com.github.rvesse.airline.annotations.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --launcher <jar>}, shared by the verbs that may run the hub (composition, STYLE rule 13). */
public final class LauncherOption {
    @Option(name = "--launcher", title = "jar", description = "launcher.jar to run the hub from (default: $PARACHUTE_LAUNCHER_JAR, then beside parachute.jar)")
    private String jar;

    public Optional<Path> path() {
        return jar == null || jar.isBlank() ? Optional.empty() : Optional.of(Path.of(jar));
    }
}
