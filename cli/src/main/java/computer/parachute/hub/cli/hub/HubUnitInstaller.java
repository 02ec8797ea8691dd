package computer.parachute.hub.cli.hub;

import java.nio.file.Path;

/** Writes or removes the hub unit (seam over core's {@code ServiceManager.install/remove} + {@code HubUnit.forLauncher}). */
public interface HubUnitInstaller {
    /** Installs the unit running {@code java -jar launcherJar} on {@code port}; with {@code start}, waits for it to answer. */
    UnitReply install(Path launcherJar, int port, boolean start) throws InterruptedException;

    UnitReply remove();
}
