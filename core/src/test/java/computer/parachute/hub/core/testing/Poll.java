package computer.parachute.hub.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/** Bounded polling for tests: checks every few ms until the condition holds or the deadline passes. */
public final class Poll {
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();

    private Poll() {}

    /** True as soon as {@code condition} holds; false when {@code timeout} elapsed first. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    /** Like {@link #until} but fails with {@code what} in the message. */
    public static void require(Duration timeout, String what, BooleanSupplier condition) {
        if (!until(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }
}
