package computer.parachute.hub.core.process;

import java.time.Instant;

/**
 * What identifies one incarnation of a process: pid alone is reused by the kernel, pid + start time is not.
 * {@code commandLine} is argv joined by single spaces (may be empty when the OS hides it).
 */
public record ProcessSnapshot(long pid, Instant startTime, String commandLine) {
    /** True when {@code other} is the same incarnation (same pid and same start time, to the second). */
    public boolean sameIncarnation(ProcessSnapshot other) {
        return other != null && pid == other.pid && startTime != null && other.startTime != null
                && startTime.getEpochSecond() == other.startTime.getEpochSecond();
    }
}
