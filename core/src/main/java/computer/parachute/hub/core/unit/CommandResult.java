package computer.parachute.hub.core.unit;

import java.util.Objects;

/** What a finished command said. Output is captured whole; service-manager commands print little. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public CommandResult {
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** The best one-line explanation of a failure: stderr, else stdout, else "unknown error" (reference §5.4). */
    public String detail() {
        if (!stderr.isBlank()) {
            return stderr.strip();
        }
        if (!stdout.isBlank()) {
            return stdout.strip();
        }
        return "unknown error";
    }
}
