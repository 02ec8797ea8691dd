package floor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The JVM's own floor: a ServerSocket that answers every connection with one fixed 200 and closes it. No framework,
 * so spawn -> first 200 here is what any Java server pays before its first line of framework code.
 */
public final class Hello {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + Floor.BODY.length() + "\r\nConnection: close\r\n\r\n" + Floor.BODY).getBytes(StandardCharsets.US_ASCII);

    private Hello() {}

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Floor.port(), 50, InetAddress.getLoopbackAddress())) {
            while (true) { // until SIGTERM
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(ANSWER);
                    out.flush();
                } catch (IOException dropped) {
                    // a client that went away: the next one still gets answered
                }
            }
        }
    }

    /** Reads up to the blank line that ends the request head (the probe's GET has no body). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
