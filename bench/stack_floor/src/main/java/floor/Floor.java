package floor;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** What every variant shares: the port, the answer, and a Jetty server set up as the hub's HubServer sets its own. */
final class Floor {
    /** The same shape as the hub's answer to GET /health, without the fields that need the hub's state. */
    static final String BODY = "{\"status\":\"ok\",\"service\":\"stack-floor\"}";

    private Floor() {}

    static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("PORT", "32000"));
    }

    /**
     * HubServer's pool (2 idle threads, at most 32, no reserved threads) and no graceful stop, one connector on
     * loopback, the Launcher's Jetty property: so the difference to the hub is the hub's own code, not Jetty's defaults.
     */
    static Server server() {
        // as the hub's Launcher does: without it Jetty's MemoryUtils starts the platform MBean server (and with it
        // JFR's MXBean) only to ask whether oops are compressed
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        }
        QueuedThreadPool threads = new QueuedThreadPool(32, 2, 30_000);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        server.setStopTimeout(0);
        server.setStopAtShutdown(true); // SIGTERM stops Jetty, then the JVM exits and writes the AOT cache
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port());
        server.addConnector(connector);
        return server;
    }
}
