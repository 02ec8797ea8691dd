package computer.parachute.hub.cli.hub;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.core.unit.HubJava;
import computer.parachute.hub.core.unit.HubJavaFinder;
import computer.parachute.hub.core.unit.HubJvmFlags;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The argv that runs the hub, the same for the detached arm, {@code serve} and the unit file: the JVM
 * {@link HubJavaFinder} chooses, the hub's JVM flags with the class cache that matches it ({@link HubJvmFlags}),
 * {@code -jar launcher.jar}.
 */
public final class HubCommand {

    private HubCommand() {}

    /** The hub's JVM for this environment; a {@value HubJava#JAVA_ENV} that names no java is the operator's to fix. */
    public static HubJava java(Map<String, String> env) throws CliFailure {
        try {
            return HubJavaFinder.of(env).find();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    public static List<String> argv(HubJava java, Path launcherJar) {
        return HubJvmFlags.command(java, launcherJar);
    }
}
