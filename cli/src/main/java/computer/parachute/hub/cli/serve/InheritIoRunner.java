package computer.parachute.hub.cli.serve;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ForegroundRunner} with inherited stdio. Ctrl-C reaches the child directly (same foreground process group);
 * a SIGTERM sent to the CLI alone is forwarded by a shutdown hook, which waits (bounded) for the hub's own clean
 * shutdown so a unit or container stopping {@code parachute serve} still stops the modules.
 */
public final class InheritIoRunner implements ForegroundRunner {
    /** Longer than the hub's own shutdown (module stop grace 5 s + Jetty + DB; DESIGN §5, §9). */
    static final long FORWARDED_STOP_WAIT_SECONDS = 20;

    @Override
    public int run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().putAll(env);
        Process child = builder.start();
        Thread forward = new Thread(() -> stop(child), "serve-forward-term");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and waits for the child
        }
        return code;
    }

    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(FORWARDED_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
