package computer.parachute.hub.core.net;

/** Whether something accepts a TCP connection on a loopback port (the readiness test of DESIGN §5). */
@FunctionalInterface
public interface PortProbe {
    boolean isListening(int port);
}
