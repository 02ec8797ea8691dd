package computer.parachute.hub.cli.hub;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Spawns the detached hub: argv in a session of its own, env overlaid, stdout+stderr appended to {@code log}. */
@FunctionalInterface
public interface HubProcessLauncher {
    Process spawn(List<String> argv, Map<String, String> env, Path log) throws IOException;
}
