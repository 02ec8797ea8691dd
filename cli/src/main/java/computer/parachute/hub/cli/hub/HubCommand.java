package computer.parachute.hub.cli.hub;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv that runs the hub: this JVM's {@code java}, the hub's JVM flags, {@code -jar launcher.jar}.
 * {@link #HUB_JVM_FLAGS} mirrors core's {@code HubJvmFlags.recommended()} (branch {@code unit}); once that is on
 * main this list should be replaced by the call so the unit file and the detached hub can never drift apart.
 */
public final class HubCommand {
    /** Serial GC, C1 only, small stacks, give heap back, native access for sqlite-jdbc (see HubJvmFlags). */
    public static final List<String> HUB_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "--enable-native-access=ALL-UNNAMED");

    private HubCommand() {}

    /** The java binary of the JVM running the CLI: the hub runs on the same Java the operator runs us with. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static List<String> argv(Path javaBin, Path launcherJar) {
        List<String> argv = new ArrayList<>();
        argv.add(javaBin.toString());
        argv.addAll(HUB_JVM_FLAGS);
        argv.add("-jar");
        argv.add(launcherJar.toString());
        return argv;
    }
}
