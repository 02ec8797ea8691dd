package computer.parachute.hub.app;

import computer.parachute.hub.api.JsonErrorServlet;
import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.home.HubHome;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The WAR's production listener (and the error page web.xml declares) in a real embedded Jetty on an ephemeral
 * loopback port, with a temporary PARACHUTE_HOME. Close it to stop Jetty, which destroys the context. Public so the
 * api tests can run the whole app too.
 */
public final class RunningHub implements AutoCloseable {
    /** The WAR's web root in the source tree (tests run with the module directory as working directory). */
    static final Path WEB_ROOT = Path.of("src/main/webapp").toAbsolutePath();
    public final HubConfig config;
    final Server server;
    final ServletContextHandler context;

    private RunningHub(HubConfig config, Server server, ServletContextHandler context) {
        this.config = config;
        this.server = server;
        this.context = context;
    }

    public static RunningHub start(Path home, Consumer<HubApplication> testRegistrations) throws Exception {
        HubConfig config = new HubConfig(new HubHome(home), 0, "127.0.0.1", Optional.empty(), HubConfig.newInstanceId());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(WEB_ROOT); // the dashboard's files, as the WAR's web root holds them
        context.addEventListener(new HubContextListener(config, testRegistrations));
        context.addServlet(JsonErrorServlet.class, JsonErrorServlet.PATH);
        context.addServlet(SendErrorServlet.class, SendErrorServlet.PATH);
        ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
        errorPages.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, JsonErrorServlet.PATH);
        context.setErrorHandler(errorPages);
        server.setHandler(context);
        server.start();
        return new RunningHub(config, server, context);
    }

    public HubLifecycle lifecycle() {
        return (HubLifecycle) context.getServletContext().getAttribute(HubContextListener.LIFECYCLE_ATTRIBUTE);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
