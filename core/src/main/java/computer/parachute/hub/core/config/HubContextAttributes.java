package computer.parachute.hub.core.config;

/**
 * Servlet context attributes through which the launcher talks to its WAR. Their values are JDK types only: the
 * WAR's own classes live in the webapp class loader, which the launcher cannot see.
 */
public final class HubContextAttributes {
    /**
     * A {@link Runnable} that stops every module (idempotent, bounded). The launcher runs it before stopping Jetty so
     * shutdown follows DESIGN §5: modules, then Jetty, then the DB (closed when the context is destroyed).
     */
    public static final String STOP_MODULES = "computer.parachute.hub.stopModules";

    /**
     * A {@code Consumer<String>} the launcher may set before the context starts: the WAR's supervisor loop calls it
     * after every pass with a status line ("2 of 3 modules running"). A hung supervisor stops the calls, which is
     * what the launcher's systemd watchdog pings rely on.
     */
    public static final String HEARTBEAT = "computer.parachute.hub.heartbeat";

    private HubContextAttributes() {}
}
