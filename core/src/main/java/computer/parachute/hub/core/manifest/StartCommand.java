package computer.parachute.hub.core.manifest;

import java.nio.file.Path;
import java.util.List;

/** How a services.json row is started: an argv (and working dir), or why it cannot be. */
public sealed interface StartCommand {
    /** Start with {@code argv} in {@code cwd} (null: the hub's working directory). */
    record Resolved(List<String> argv, Path cwd) implements StartCommand {
        public Resolved {
            argv = List.copyOf(argv);
        }
    }

    /**
     * Not startable. {@code reason} is a stable code: {@code no-spec} (third-party row without installDir),
     * {@code no-start-cmd} (module.json has no startCmd: a CLI-only module), {@code invalid-manifest}.
     */
    record Skipped(String reason, String description) implements StartCommand {}
}
