package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.NeutralContextLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Production {@link ProcessSignals}: the JDK cannot signal a group, so run {@code /bin/kill -s TERM -- -<pgid>}
 * (reference §10); on "No such process" retry with the bare pid.
 */
public final class KillCommandSignals implements ProcessSignals {
    private static final String KILL = "/bin/kill";
    /** /bin/kill answers at once; the bound only protects against a wedged fork. */
    private static final long KILL_COMMAND_TIMEOUT_SECONDS = 5;
    private static final String NO_SUCH_PROCESS = "No such process";

    @Override
    public boolean signalGroup(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new ProcessSignalException("refusing to signal pid " + pgid);
        }
        if (signalGroupOnly(pgid, signal)) {
            return true;
        }
        return run(signal, String.valueOf(pgid));
    }

    @Override
    public boolean signalGroupOnly(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new ProcessSignalException("refusing to signal group " + pgid);
        }
        return run(signal, "-" + pgid);
    }

    /** True when delivered, false on ESRCH; throws on anything else. */
    private static boolean run(Signal signal, String target) {
        try {
            Process kill = NeutralContextLoader.start(new ProcessBuilder(List.of(KILL, "-s", signal.name(), "--", target))
                    .redirectErrorStream(true));
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!kill.waitFor(KILL_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new ProcessSignalException(KILL + " " + target + " did not finish");
            }
            return interpret(kill.exitValue(), output, signal, target);
        } catch (IOException e) {
            throw new ProcessSignalException("cannot run " + KILL + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessSignalException("interrupted while signalling " + target, e);
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
