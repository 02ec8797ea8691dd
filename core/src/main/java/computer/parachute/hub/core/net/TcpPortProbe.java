package computer.parachute.hub.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Connects to 127.0.0.1:port with a short timeout; a refused or timed-out connect means "not listening". */
public final class TcpPortProbe implements PortProbe {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);

    private final int connectTimeoutMillis;

    public TcpPortProbe() {
        this(DEFAULT_CONNECT_TIMEOUT);
    }

    public TcpPortProbe(Duration connectTimeout) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    }

    @Override
    public boolean isListening(int port) {
        if (port < 1 || port > 65_535) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), connectTimeoutMillis);
            // TCP simultaneous open: when nothing listens and the kernel picks the port itself as our ephemeral
            // source port (module ports in the ephemeral range, probed many times while a module boots), the
            // socket connects to itself. That is not a listener; closing it at once frees the port for the module.
            return !connectedToItself(socket);
        } catch (IOException e) {
            return false;
        }
    }

    /** True for a socket whose two ends are the same address and port (see {@link #isListening}). */
    static boolean connectedToItself(Socket socket) {
        return socket.isConnected() && socket.getLocalPort() == socket.getPort()
                && socket.getLocalAddress().equals(socket.getInetAddress());
    }
}
