package computer.parachute.hub.cli.hub;

import java.nio.file.Path;

/** Writes or removes the hub unit (seam over core's {@code ServiceManager.install/remove} + {@code HubUnit.forLauncher}). */
public interface HubUnitInstaller {
    /** Installs the unit running {@code java -jar launcherJar} on {@code port}; with {@code start}, waits for it to answer. */
    UnitReply install(Path launcherJar, int port, boolean start) throws InterruptedException;

    /**
     * As {@link #install(Path, int, boolean)}, with {@code extraPath} put first on the unit's PATH and, for a system
     * unit, {@code runAsUser} (blank: the invoking user) running the hub with that user's home.
     */
    default UnitReply install(Path launcherJar, int port, boolean start, String extraPath, String runAsUser)
            throws InterruptedException {
        return install(launcherJar, port, start);
    }

    UnitReply remove();
}
