package computer.parachute.hub.cli.dashboard;

import computer.parachute.hub.core.unit.Platform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When `parachute dashboard` tries a browser: a Linux desktop session (X11 or Wayland) or a Mac; never over bare SSH. */
class SystemBrowserOpenerTest {
    private static SystemBrowserOpener on(String os, Map<String, String> env) {
        return new SystemBrowserOpener(new Platform(os, Path.of("/home/op"), Platform.DEFAULT_SYSTEM_UNIT_DIR, 1000, "op"), env);
    }

    @Test
    void linuxNeedsADisplayOrAWaylandSession() {
        assertFalse(on("Linux", Map.of()).displayAvailable());
        assertFalse(on("Linux", Map.of("DISPLAY", " ", "WAYLAND_DISPLAY", "")).displayAvailable());
        assertFalse(on("Linux", Map.of("SSH_CONNECTION", "10.0.0.2 5000 10.0.0.1 22")).displayAvailable());
        assertTrue(on("Linux", Map.of("DISPLAY", ":0")).displayAvailable());
        assertTrue(on("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")).displayAvailable());
    }

    @Test
    void aMacAlwaysHasOneAndOtherSystemsAreNotGuessed() {
        assertTrue(on("Mac OS X", Map.of()).displayAvailable());
        assertFalse(on("Windows 11", Map.of("DISPLAY", ":0")).displayAvailable());
    }
}
