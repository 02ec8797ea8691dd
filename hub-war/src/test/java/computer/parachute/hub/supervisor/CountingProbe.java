package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.net.TcpPortProbe;
import java.util.concurrent.atomic.AtomicInteger;

/** The real loopback probe, counting calls. */
final class CountingProbe implements PortProbe {
    private final PortProbe delegate = new TcpPortProbe();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public boolean isListening(int port) {
        calls.incrementAndGet();
        return delegate.isListening(port);
    }

    int calls() {
        return calls.get();
    }
}
