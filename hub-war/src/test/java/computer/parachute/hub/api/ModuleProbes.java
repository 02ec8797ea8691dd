package computer.parachute.hub.api;

import computer.parachute.hub.core.testing.FreePorts;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** What a test asks a module process and its port directly, past the hub. */
final class ModuleProbes {
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 2000;

    private ModuleProbes() {}

    /** The module on {@code port} answers GET /health with {@code pid} in its body (one try, no polling). */
    static boolean answersWithPid(int port, long pid) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            try (InputStream in = connection.getInputStream()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return connection.getResponseCode() == 200 && body.contains("\"pid\": " + pid);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Nothing listens on 127.0.0.1:{@code port}: we can bind it ourselves. */
    static boolean portIsFree(int port) {
        return FreePorts.bindable(port);
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Asks the test module to exit with code 3 (GET /crash); the connection simply drops. */
    static void crash(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/crash")
                    .toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.getResponseCode();
        } catch (IOException expected) {
            // the module died mid-request, as asked
        }
    }
}
