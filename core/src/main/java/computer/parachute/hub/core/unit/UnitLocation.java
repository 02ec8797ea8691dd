package computer.parachute.hub.core.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which manager drives the hub and where its unit file belongs.
 *
 * @param kind     "systemd", "launchd" or "none"
 * @param unitFile the scope-appropriate unit path; empty when there is no manager
 */
public record UnitLocation(String kind, Optional<Path> unitFile) {

    public static final String SYSTEMD = "systemd";
    public static final String LAUNCHD = "launchd";
    public static final String NONE = "none";

    /**
     * Reference §5.1: "installed" means the unit file exists. Nothing checks it is loaded or
     * enabled; that is {@link ServiceManager#state()}'s job.
     */
    public boolean installed() {
        return unitFile.map(Files::isRegularFile).orElse(false);
    }
}
