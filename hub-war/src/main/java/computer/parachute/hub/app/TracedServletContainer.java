package computer.parachute.hub.app;

import computer.parachute.hub.core.config.StartupTrace;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import java.io.IOException;

/**
 * Jersey's servlet with the start-up trace's two WAR-side marks ({@link StartupTrace}): Jersey built, and the first
 * request answered (which prints the table). Registered instead of the plain servlet only when the trace is on.
 */
final class TracedServletContainer extends ServletContainer {
    private static final long serialVersionUID = 1L;

    TracedServletContainer(ResourceConfig application) {
        super(application);
    }

    @Override
    public void init() throws ServletException {
        StartupTrace.mark("Jersey init started");
        super.init();
        StartupTrace.mark("Jersey initialized");
    }

    /** Marks the end of the first request through Jersey and prints the trace. */
    static final class FirstRequest implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(request, response);
            StartupTrace.process().finish("first request answered");
        }
    }
}
