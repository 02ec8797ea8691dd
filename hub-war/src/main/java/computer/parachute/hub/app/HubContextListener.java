package computer.parachute.hub.app;

import computer.parachute.hub.api.MediaTypeGuard;
import computer.parachute.hub.api.ModuleListShortcut;
import computer.parachute.hub.api.ModulesResource;
import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.config.HubContextAttributes;
import computer.parachute.hub.core.config.StartupTrace;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.http.LoopbackHostFilter;
import computer.parachute.hub.http.NoTraceFilter;
import computer.parachute.hub.metrics.HubMetrics;
import computer.parachute.hub.metrics.MetricsSwitch;
import computer.parachute.hub.proxy.FrontDoorOrigin;
import computer.parachute.hub.proxy.ModuleProxyFilter;
import computer.parachute.hub.web.WebAssets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import org.glassfish.jersey.servlet.ServletContainer;

import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * Starts and stops the hub with its servlet context, the same way under the launcher and in a stock container
 * (DESIGN §10): on start it resolves {@link HubConfig}, starts the {@link HubLifecycle}, registers Jersey at
 * {@code /*} and the metrics servlet at {@code /metrics} (load-on-startup 1, so a broken app fails the deploy rather than the first request); on destroy it stops
 * the lifecycle. Declared in web.xml, which is what allows it to register a servlet.
 */
public final class HubContextListener implements ServletContextListener {
    /** The running {@link HubLifecycle}, for code inside the WAR that is not injected (there is none yet). */
    public static final String LIFECYCLE_ATTRIBUTE = HubLifecycle.class.getName();
    static final String JERSEY_SERVLET_NAME = "parachute-hub-api";
    static final String METRICS_SERVLET_NAME = "parachute-hub-metrics";

    private final HubConfig fixedConfig;
    private final Consumer<HubApplication> testRegistrations;
    private HubLifecycle lifecycle;

    /** Used by web.xml: the config comes from system properties, environment and context init parameters. */
    public HubContextListener() {
        this(null, app -> { });
    }

    /** Tests pass a config, so no process-wide setting leaks in, and may register test-only resources. */
    HubContextListener(HubConfig config, Consumer<HubApplication> testRegistrations) {
        this.fixedConfig = config;
        this.testRegistrations = testRegistrations;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        StartupTrace.mark("webapp configured, listener called");
        ServletContext context = event.getServletContext();
        HubConfig config = fixedConfig != null ? fixedConfig : HubConfig.fromProcessAndContext(context::getInitParameter);
        // first, and ahead of web.xml's mappings: no path of this context answers a rebound DNS name (DESIGN §12)
        FilterRegistration.Dynamic hostCheck = context.addFilter(LoopbackHostFilter.class.getSimpleName(),
                        new LoopbackHostFilter(HubOrigins.answeredHosts(config.bindHost(), config.hubOrigin())));
        hostCheck.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // every filter a request passes must allow async, or the front door cannot answer a proxied request later
        hostCheck.setAsyncSupported(true);
        FilterRegistration.Dynamic noTrace = context.addFilter(NoTraceFilter.class.getSimpleName(), new NoTraceFilter());
        noTrace.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        noTrace.setAsyncSupported(true);
        // a PORT the deployer gave (the launcher always does) is trusted; else the container's connector (Tomcat's
        // MBeans), else the first request tells
        int givenPort = fixedConfig != null ? fixedConfig.port()
                : HubConfig.givenPortFromProcessAndContext(context::getInitParameter)
                        .orElseGet(() -> ContainerConnectors.singleHttpPort().orElse(0));
        ServedPort servedPort = ServedPort.configured(givenPort);
        try {
            lifecycle = HubLifecycle.start(config, servedPort, Clock.systemUTC(),
                    MetricsSwitch.enabled(context::getInitParameter), heartbeat(context));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + config.home().hubDb() + ": " + e.getMessage(), e);
        }
        context.setAttribute(LIFECYCLE_ATTRIBUTE, lifecycle);
        context.setAttribute(HubContextAttributes.STOP_MODULES, (Runnable) lifecycle::stopModules);
        context.setAttribute(HubContextAttributes.BOOT_MODULES, (Runnable) lifecycle::bootModules);
        HubApplication application = new HubApplication(lifecycle, new WebAssets(context));
        if (!Boolean.TRUE.equals(context.getAttribute(HubContextAttributes.LAUNCHER_BOOTS_MODULES))) {
            application.register(new ModuleBootOnStartup(lifecycle));
        }
        testRegistrations.accept(application);
        ServletRegistration.Dynamic jersey = context.addServlet(JERSEY_SERVLET_NAME, StartupTrace.enabled()
                ? new TracedServletContainer(application) : new ServletContainer(application));
        jersey.setLoadOnStartup(1);
        jersey.addMapping("/*");
        // an exact mapping wins over Jersey's /* in any container; no token (node_exporter's convention), no secrets
        lifecycle.metrics().map(HubMetrics::servlet).ifPresent(servlet ->
                context.addServlet(METRICS_SERVLET_NAME, servlet).addMapping("/metrics"));
        FilterRegistration.Dynamic servedPortFilter = context.addFilter(ServedPortFilter.class.getSimpleName(),
                new ServedPortFilter(servedPort));
        servedPortFilter.addMappingForUrlPatterns(null, false, "/*");
        servedPortFilter.setAsyncSupported(true);
        // a proxied request is answered asynchronously, and every container asks the servlet a path maps to
        jersey.setAsyncSupported(true);
        // the front door: module paths go to their module, everything else on to Jersey (DESIGN §13)
        FrontDoorOrigin frontDoor = new FrontDoorOrigin(config.hubOrigin());
        FilterRegistration.Dynamic proxy = context.addFilter(ModuleProxyFilter.class.getSimpleName(), new ModuleProxyFilter(
                lifecycle.router(), lifecycle.supervisor(), lifecycle.boot()::isBooting, frontDoor));
        proxy.setAsyncSupported(true);
        proxy.addMappingForUrlPatterns(null, false, "/*");
        // before Jersey: it answers an unparseable Content-Type with a bodyless 400 of its own
        context.addFilter(MediaTypeGuard.class.getSimpleName(), new MediaTypeGuard())
                .addMappingForServletNames(null, false, JERSEY_SERVLET_NAME);
        if (StartupTrace.enabled()) {
            context.addFilter(TracedServletContainer.FirstRequest.class.getSimpleName(),
                    new TracedServletContainer.FirstRequest()).addMappingForServletNames(null, false, JERSEY_SERVLET_NAME);
        }
        // last before Jersey (the trace's first-request mark sees it too): the plain status call answered in front of
        // Jersey, with Jersey's bytes, headers and metrics (issue 10)
        Runnable counted = lifecycle.metrics().<Runnable>map(metrics -> () -> metrics.apiFilter()
                .countValid(ModuleListShortcut.ROUTE, HttpMethod.GET, HttpServletResponse.SC_OK)).orElse(() -> { });
        FilterRegistration.Dynamic statusShortcut = context.addFilter(ModuleListShortcut.class.getSimpleName(),
                new ModuleListShortcut(new ModulesResource(lifecycle.modules()), lifecycle.tokens().verifier(),
                        lifecycle::acceptedIssuers, counted));
        statusShortcut.setAsyncSupported(true);
        statusShortcut.addMappingForServletNames(null, false, JERSEY_SERVLET_NAME);
    }

    /** The launcher's heartbeat hook (systemd status and watchdog), when it set one; a no-op in a stock container. */
    @SuppressWarnings("unchecked")
    private static Consumer<String> heartbeat(ServletContext context) {
        Object hook = context.getAttribute(HubContextAttributes.HEARTBEAT);
        return hook instanceof Consumer<?> consumer ? (Consumer<String>) consumer : status -> { };
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            if (lifecycle != null) {
                lifecycle.stop();
            }
        } finally {
            JdbcDriverRegistrations.deregisterLoadedBy(HubContextListener.class.getClassLoader());
            RecordMethodCaches.forgetWebappTypes();
        }
    }
}
