package computer.parachute.hub.cli.dashboard;

import computer.parachute.hub.core.unit.Platform;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code xdg-open <url>} on Linux (only with {@code DISPLAY} or {@code WAYLAND_DISPLAY} set: over plain SSH there is
 * no browser to open), {@code open <url>} on macOS. The opener is started and left to run: with some desktops
 * xdg-open lives as long as the browser it started, and the CLI must not wait for that.
 */
public final class SystemBrowserOpener implements BrowserOpener {
    private final Platform platform;
    private final Map<String, String> env;

    public SystemBrowserOpener(Platform platform, Map<String, String> env) {
        this.platform = platform;
        this.env = env;
    }

    @Override
    public boolean displayAvailable() {
        if (platform.isMac()) {
            return true;
        }
        return platform.isLinux() && (set("DISPLAY") || set("WAYLAND_DISPLAY"));
    }

    @Override
    public boolean open(String url) {
        List<String> command = platform.isMac() ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean set(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
