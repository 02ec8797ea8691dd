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

    /**
     * {@link Boolean#TRUE} when the launcher boots the modules itself (through {@link #BOOT_MODULES}) once the hub
     * has answered its own {@code /health}; set before the context starts. Absent (a stock container): the WAR
     * boots them as soon as Jersey is up.
     */
    public static final String LAUNCHER_BOOTS_MODULES = "computer.parachute.hub.launcherBootsModules";

    /** A {@link Runnable} the WAR sets that starts the module boot in the background (idempotent, returns at once). */
    public static final String BOOT_MODULES = "computer.parachute.hub.bootModules";

    private HubContextAttributes() {}
}
