package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.unit.HubJvmFlags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv that runs the hub: this JVM's {@code java}, the hub's JVM flags ({@link HubJvmFlags#forLauncher}, the
 * same the unit file uses, so a detached hub and a unit-managed one run alike), {@code -jar launcher.jar}.
 */
public final class HubCommand {

    private HubCommand() {}

    /** The java binary of the JVM running the CLI: the hub runs on the same Java the operator runs us with. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static List<String> argv(Path javaBin, Path launcherJar) {
        List<String> argv = new ArrayList<>();
        argv.add(javaBin.toString());
        argv.addAll(HubJvmFlags.forLauncher(launcherJar));
        argv.add("-jar");
        argv.add(launcherJar.toString());
        return argv;
    }
}
