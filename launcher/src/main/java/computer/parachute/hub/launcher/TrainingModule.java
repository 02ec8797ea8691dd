package computer.parachute.hub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The module {@link CdsTraining}'s hub supervises, so the class cache covers a live module's restart, crash → respawn
 * and stop, not only the paths that need no process: binds 127.0.0.1:$PORT and answers every request with an empty
 * 200; {@code GET /crash} answers, then exits 3 (a crash for the hub to respawn). No Python or other runtime on the
 * build machine is assumed: it runs on the training's own JVM from launcher.jar.
 */
public final class TrainingModule {
    static final String CRASH_PATH = "/crash";
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final byte[] OK = "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private TrainingModule() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        try (ServerSocket server = new ServerSocket(port, 16, InetAddress.getLoopbackAddress())) {
            while (true) {
                boolean crash;
                try (Socket connection = server.accept()) {
                    connection.setSoTimeout(READ_TIMEOUT_MS);
                    crash = requestLine(connection.getInputStream()).startsWith("GET " + CRASH_PATH + " ");
                    connection.getOutputStream().write(OK);
                } catch (IOException e) {
                    continue; // a readiness probe connects and closes without a request
                }
                if (crash) {
                    System.exit(3);
                }
            }
        }
    }

    private static String requestLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\r' && b != '\n' && line.length() < 256; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
