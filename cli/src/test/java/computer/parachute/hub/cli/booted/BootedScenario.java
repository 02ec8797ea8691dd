package computer.parachute.hub.cli.booted;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What every booted-systemd scenario shares: the cached Debian tree, made (or found) once before the class with its
 * own long bound (a cold debootstrap is 1-2 min, outside the scenario's own timeout), one boot per test into
 * {@code target/booted-systemd/<arm>}, and the container powered off after it, whatever happened.
 */
abstract class BootedScenario {
    private static final Path WORK = Path.of("target", "booted-systemd").toAbsolutePath();
    private static Path rootfs;

    @TempDir
    Path temp;
    BootedHub hub;
    BootedContainer box;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void rootfs() throws Exception {
        rootfs = BootedHub.rootfs(WORK);
    }

    /** Boots the tree; {@code arm} names the directory its console log and command logs go to. */
    void boot(String arm) throws Exception {
        Path work = WORK.resolve(arm);
        Files.createDirectories(work);
        hub = BootedHub.boot(rootfs, temp, work);
        box = hub.container();
    }

    @AfterEach
    void powerOff() {
        if (hub != null) {
            hub.close();
        }
    }
}
