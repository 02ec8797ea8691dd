package computer.parachute.hub.app;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/** Teaches {@link ServedPort} the local port of the first request (one volatile read per request after that). */
final class ServedPortFilter implements Filter {
    private final ServedPort servedPort;

    ServedPortFilter(ServedPort servedPort) {
        this.servedPort = servedPort;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!servedPort.isKnown()) {
            servedPort.learn(request.getLocalPort());
        }
        chain.doFilter(request, response);
    }
}
