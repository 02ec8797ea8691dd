package computer.parachute.hub.proxy;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.ModuleState;
import computer.parachute.hub.supervisor.Supervisor;
import computer.parachute.hub.http.JsonErrorResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The front door (DESIGN §13): ahead of Jersey at {@code /*}, it forwards a request whose path falls under a module's
 * {@code paths} to that module and lets every other request through to the hub's own routes (which no module path can
 * shadow, {@code ReservedPaths}). It forwards only to a running module whose port the hub has seen bound, and answers
 * for the module otherwise (starting → 503, stopped or crashed → 502, see {@link ModuleAnswer}).
 */
public final class ModuleProxyFilter implements Filter {
    private static final Logger LOG = Logger.getLogger(ModuleProxyFilter.class.getName());
    /** The client's own HttpClient idle limit: long enough for a quiet event stream, short enough to free a dead one. */
    static final String IDLE_TIMEOUT_MS = "600000";
    static final String PROXY_SERVLET_NAME = "parachute-module-proxy";
    static final String SERVER_EXECUTOR_ATTRIBUTE = "org.eclipse.jetty.server.Executor";

    private final ModuleRouter router;
    private final Supervisor supervisor;
    private final BooleanSupplier booting;
    private final ModuleProxyServlet proxy;
    private UpgradeBridge sockets;

    public ModuleProxyFilter(ModuleRouter router, Supervisor supervisor, BooleanSupplier booting, FrontDoorOrigin frontDoor) {
        this.router = router;
        this.supervisor = supervisor;
        this.booting = booting;
        this.proxy = new ModuleProxyServlet(frontDoor);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        proxy.init(proxyConfig(config.getServletContext()));
        sockets = UpgradeBridge.create(ModuleProxyFilter.class.getClassLoader());
    }

    @Override
    public void destroy() {
        proxy.destroy();
        try {
            sockets.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "stopping the WebSocket client failed", e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<RouteMatch> match = router.table().match(decodedPath(request));
        if (match.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        String shortName = match.get().route().shortName();
        Optional<ModuleSnapshot> snapshot = supervisor.get(shortName);
        OptionalInt port = supervisor.readyPort(shortName);
        if (snapshot.isPresent() && snapshot.get().is(ModuleState.RUNNING) && port.isPresent()) {
            forward(request, response, match.get(), port.getAsInt());
        } else if (isComing(snapshot)) {
            ModuleAnswer.starting(shortName, snapshot.map(ModuleSnapshot::state).orElse("starting")).write(request, response);
        } else {
            ModuleAnswer.unavailable(shortName, snapshot.orElse(null)).write(request, response);
        }
    }

    /** Starting, restarting, running but not yet listening, or not started yet while the hub boots. */
    private boolean isComing(Optional<ModuleSnapshot> snapshot) {
        if (snapshot.isEmpty()) {
            return booting.getAsBoolean();
        }
        ModuleSnapshot module = snapshot.get();
        return module.is(ModuleState.STARTING) || module.is(ModuleState.RESTARTING) || module.is(ModuleState.RUNNING);
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, RouteMatch match, int port)
            throws IOException, ServletException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> path = match.forwardedPath(raw);
        if (path.isEmpty()) {
            // reached only through percent-encoding of the mount path: refuse rather than guess what the module meant
            JsonErrorResponse.send(response, 400, "bad_request", "spell the module path " + match.mountPath() + " without percent-encoding");
            return;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        request.setAttribute(ModuleProxyServlet.MATCH, match);
        request.setAttribute(ModuleProxyServlet.PORT, port);
        if (isUpgrade(request)) {
            sockets.bridge(request, response, URI.create("ws://127.0.0.1:" + port + path.get() + query), match);
            return;
        }
        request.setAttribute(ModuleProxyServlet.TARGET, "http://127.0.0.1:" + port + path.get() + query);
        proxy.service((ServletRequest) request, (ServletResponse) response);
    }

    static boolean isUpgrade(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /** The path within the context, decoded and normalised by the container (what routing decisions use). */
    static String decodedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * Jetty's proxy settings: Host preserved, no total timeout (a long download or an event stream is not an error),
     * the server's thread pool when the container offers it (Jetty) or a small pool of its own (any other container).
     */
    private static ServletConfig proxyConfig(ServletContext context) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("preserveHost", "true");
        parameters.put("timeout", "0");
        parameters.put("idleTimeout", IDLE_TIMEOUT_MS);
        parameters.put("viaHost", "parachute-hub");
        if (context.getAttribute(SERVER_EXECUTOR_ATTRIBUTE) == null) {
            parameters.put("maxThreads", "32");
        }
        return new ServletConfig() {
            @Override public String getServletName() { return PROXY_SERVLET_NAME; }
            @Override public ServletContext getServletContext() { return context; }
            @Override public String getInitParameter(String name) { return parameters.get(name); }
            @Override public Enumeration<String> getInitParameterNames() { return Collections.enumeration(parameters.keySet()); }
        };
    }
}
