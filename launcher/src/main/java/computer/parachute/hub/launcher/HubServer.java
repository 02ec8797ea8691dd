package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.config.HubSetting;
import org.eclipse.jetty.ee11.webapp.Configuration;
import org.eclipse.jetty.ee11.webapp.WebAppConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.webapp.WebInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebXmlConfiguration;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the hub's Jetty: one connector on the configured host and port, one WebAppContext over the hub WAR. Building
 * is apart from running (STYLE anchor 2): {@link #create} returns an unstarted server; {@link #bind} takes the port
 * before anything boots, so a second hub fails fast without starting a module (DESIGN §5 "Boot", reference #536).
 */
public final class HubServer {
    /**
     * No graceful phase: Jetty's waits for every connection to close, idle keep-alive ones included, so a client that
     * merely holds a connection would delay every stop by the whole timeout. The API's requests are short, and the
     * modules are already stopped when Jetty stops (DESIGN §5).
     */
    static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ZERO;
    /**
     * The API serves one operator's CLI and a few scripts: Jetty's default pool keeps 8 threads alive and grows to
     * 200. Two idle threads (the acceptor and the selector take their own from this pool), at most 32 (a log follower
     * holds one for as long as it follows), and no reserved-thread spinning.
     */
    static final int MIN_THREADS = 2;
    static final int MAX_THREADS = 32;
    private static final Duration THREAD_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private HubServer() {}

    /** An unstarted server for {@code config} serving the exploded WAR in {@code webappDir}. */
    public static Server create(HubConfig config, Path webappDir) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, (int) THREAD_IDLE_TIMEOUT.toMillis());
        threads.setName("hub-http");
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        server.setStopTimeout(GRACEFUL_STOP_TIMEOUT.toMillis());
        server.setErrorHandler(new JsonErrorHandler());

        ServerConnector connector = new ServerConnector(server);
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(webappDir.toString());
        webapp.setErrorHandler(new JsonErrorPages());
        // core's types (HubConfig, HubHome, ...) must be one class for launcher and WAR (STACK traps 2-4)
        webapp.setParentLoaderPriority(true);
        // a WAR that cannot start (hub.db unusable) fails the launch instead of serving 503s
        webapp.setThrowUnavailableOnStartupException(true);
        // only what web.xml needs: no annotation, fragment, JSP, JNDI or jetty-web.xml processing (start-up time)
        webapp.setConfigurationDiscovered(false);
        webapp.setConfigurations(new Configuration[] {new WebInfConfiguration(), new WebXmlConfiguration(),
                new WebAppConfiguration()});
        // no webdefault-ee11.xml: its default and JSP servlets and MIME table serve nothing here (Jersey owns /*, errors
        // go to web.xml's JSON error servlet), and parsing it is a fixed start-up cost. Its TRACE refusal is the WAR's own
        // NoTraceFilter (405 JSON, in every container)
        webapp.setDefaultsDescriptor(null);
        // the WAR reads the launcher's resolved values instead of resolving again (HubConfig's order)
        config.toInitParameters().forEach(webapp::setInitParameter);
        // the container's Jakarta WebSocket server, through which the hub's front door accepts the upgrades it bridges
        // to modules (a stock container provides it itself); called directly, since annotation scanning is off
        JakartaWebSocketServletContainerInitializer.configure(webapp, null);
        server.setHandler(webapp);
        return server;
    }

    /**
     * Binds the connector now, before {@code server.start()} boots the WAR, and tells the WAR the port actually bound
     * (the configured one, or the ephemeral one tests ask for with port 0).
     */
    public static void bind(Server server) throws IOException {
        ServerConnector connector = connector(server);
        try {
            connector.open();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(connector.getPort(), e);
            }
            throw e;
        }
        webapp(server).setInitParameter(HubSetting.PORT.initParameter(), String.valueOf(connector.getLocalPort()));
    }

    /** The port actually bound (differs from the configured one only when that was 0). */
    public static int boundPort(Server server) {
        return connector(server).getLocalPort();
    }

    /** The hub context, for the stop-modules hook. */
    static WebAppContext webapp(Server server) {
        return (WebAppContext) server.getHandler();
    }

    /** A {@link Runnable} the WAR published as a context attribute (HubContextAttributes), if it did. */
    static Optional<Runnable> hook(Server server, String attribute) {
        return webapp(server).getServletContext().getAttribute(attribute) instanceof Runnable hook
                ? Optional.of(hook) : Optional.empty();
    }

    private static ServerConnector connector(Server server) {
        return (ServerConnector) server.getConnectors()[0];
    }
}
