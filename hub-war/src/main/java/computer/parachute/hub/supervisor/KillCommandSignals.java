package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.NeutralContextLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fallback behind {@link HandleSignals#signalGroup}, where nothing but a fork can signal a group (no /proc to
 * enumerate its members): {@code /bin/kill -s TERM -- -<pgid>}, on "No such process" the bare pid. {@code LC_ALL=C}
 * keeps that message in English; the output (a line at most, far below a pipe's buffer) is read after
 * {@code waitFor}, so the timeout is real and a stuck kill cannot hang a stop.
 */
final class KillCommandSignals {
    private static final String KILL = "/bin/kill";
    /** /bin/kill answers at once; the bound keeps a wedged fork from holding a module's lock. */
    static final Duration KILL_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final String NO_SUCH_PROCESS = "No such process";

    private final String kill;
    private final Duration timeout;

    KillCommandSignals() {
        this(KILL, KILL_COMMAND_TIMEOUT);
    }

    /** {@code kill} and {@code timeout} for tests (a stub that hangs or answers in another language). */
    KillCommandSignals(String kill, Duration timeout) {
        this.kill = kill;
        this.timeout = timeout;
    }

    boolean signalGroup(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new ProcessSignalException("refusing to signal pid " + pgid);
        }
        return run(signal, "-" + pgid) || run(signal, String.valueOf(pgid));
    }

    /** True when delivered, false on ESRCH; throws on anything else. */
    private boolean run(Signal signal, String target) {
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(kill, "-s", signal.name(), "--", target))
                    .redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            process = NeutralContextLoader.start(builder);
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ProcessSignalException(kill + " " + target + " did not finish within " + timeout.toMillis()
                        + " ms");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return interpret(process.exitValue(), output, signal, target);
        } catch (IOException e) {
            throw new ProcessSignalException("cannot run " + kill + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessSignalException("interrupted while signalling " + target, e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Maps {@code /bin/kill}'s outcome: 0 delivered, "No such process" ESRCH, anything else an error. */
    static boolean interpret(int exitCode, String output, Signal signal, String target) {
        if (exitCode == 0) {
            return true;
        }
        if (output.contains(NO_SUCH_PROCESS)) {
            return false;
        }
        throw new ProcessSignalException("SIG" + signal + " to " + target + " failed: " + output);
    }
}
