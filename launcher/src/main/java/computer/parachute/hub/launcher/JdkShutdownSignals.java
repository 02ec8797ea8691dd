package computer.parachute.hub.launcher;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM/SIGINT through {@code sun.misc.Signal} (module jdk.unsupported, exported on every JDK since 9). Replacing
 * the JVM's handler, rather than using a shutdown hook, is what lets a clean stop end with exit code 0: a hook runs
 * while the JVM is already exiting with 143. The action runs on its own named thread, not the signal dispatcher.
 */
final class JdkShutdownSignals implements ShutdownSignals {
    @Override
    public void onTerminate(Runnable action) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable once = () -> {
            if (fired.compareAndSet(false, true)) {
                Thread stopper = new Thread(action, "hub-shutdown");
                stopper.start();
            }
        };
        Signal.handle(new Signal("TERM"), signal -> once.run());
        Signal.handle(new Signal("INT"), signal -> once.run());
    }
}
