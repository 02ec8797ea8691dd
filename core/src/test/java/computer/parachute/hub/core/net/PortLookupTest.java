package computer.parachute.hub.core.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortLookupTest {
    @Test
    void probeSeesAListenerAndNotAClosedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            assertTrue(new TcpPortProbe().isListening(port));
        }
        assertFalse(new TcpPortProbe().isListening(port));
        assertFalse(new TcpPortProbe().isListening(0));
        assertFalse(new TcpPortProbe().isListening(70_000));
    }

    @Test
    void ownerOfAListeningPortIsThisJvm() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Optional<PortOwner> owner = new ProcPortOwnerLookup().ownerOf(socket.getLocalPort());
            assertTrue(owner.isPresent());
            assertEquals(ProcessHandle.current().pid(), owner.get().pid());
            assertTrue(owner.get().commandLine().contains("java"), owner.get().commandLine());
            assertTrue(owner.get().describe().startsWith("pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void noOwnerForAFreePort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals(Optional.empty(), new ProcPortOwnerLookup().ownerOf(port));
    }
}
