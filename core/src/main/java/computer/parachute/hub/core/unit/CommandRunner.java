package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The seam between service-manager logic and real {@code systemctl}/{@code launchctl}/{@code loginctl}.
 * Production: {@link ProcessCommandRunner} wrapped in {@link GuardedCommandRunner}; tests use a recording fake.
 */
public interface CommandRunner {

    /**
     * Runs {@code argv} (no shell) and waits for it.
     *
     * @return the exit code and captured output; a non-zero exit is a result, not an exception
     * @throws IOException when the program cannot be started, does not finish within {@code timeout}
     *                     (it is killed), or the wait is interrupted (the interrupt flag is restored)
     */
    CommandResult run(List<String> argv, Duration timeout) throws IOException;

    /** True when {@code binary} resolves to an executable file on PATH. */
    boolean isOnPath(String binary);
}
