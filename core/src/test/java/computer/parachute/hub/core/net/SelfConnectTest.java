package computer.parachute.hub.core.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TCP simultaneous open: a connect from 127.0.0.1:P to 127.0.0.1:P with no listener succeeds, to itself. The kernel
 * does this by itself when it picks P as the ephemeral port; the test forces it with an explicit bind.
 */
class SelfConnectTest {
    @Test
    void aSocketConnectedToItselfIsRecognisedAndARealConnectionIsNot() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (Socket self = new Socket()) {
            self.bind(new InetSocketAddress(loopback, 0));
            self.connect(new InetSocketAddress(loopback, self.getLocalPort()), 1_000);
            assertTrue(TcpPortProbe.connectedToItself(self), "a self-connect is no listener");
        }
        try (ServerSocket listener = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, listener.getLocalPort())) {
            assertFalse(TcpPortProbe.connectedToItself(client));
        }
    }
}
