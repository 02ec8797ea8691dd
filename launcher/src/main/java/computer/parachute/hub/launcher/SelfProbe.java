package computer.parachute.hub.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The hub asks its own {@code /health} before it boots its modules and tells systemd it is ready: bound is not yet
 * answering, and this first request takes the cold path before the modules' start-up competes for the CPU.
 */
final class SelfProbe {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int TIMEOUT_MILLIS = 2_000;

    private SelfProbe() {}

    /** True once {@code /health} answers 200 on loopback (or the bind host), within {@code deadline}. */
    static boolean awaitHealthy(String bindHost, int port, Duration deadline) throws InterruptedException {
        String host = bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1"
                : bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        long end = System.nanoTime() + deadline.toNanos();
        do {
            if (status(URI.create("http://" + host + ":" + port + "/health")) == 200) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } while (System.nanoTime() < end);
        return false;
    }

    private static int status(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
