package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.StartupTrace;

import java.nio.file.Path;
import java.util.List;

/**
 * Start-up work on the second core: while the main thread builds Jetty and configures the webapp, one daemon thread
 * initialises what the main thread needs next — Jetty's two costliest static initialisers, the SQLite driver (it
 * loads its native library), the connection pool, JSON-B, Jersey's server classes and the metrics' configuration.
 * The main thread then finds them ready instead of doing the same work in sequence. The classes are the same ones the WAR uses (its classes come from the launcher's class path,
 * loaded parent-first); a failure here only means the WAR does the work itself, as before.
 */
final class StartupPrewarm {
    /**
     * Jetty's, first: the main thread needs them within tens of ms (Server's constructor, then the webapp's
     * configuration), and their static initialisers are the two heaviest on its path (JFR): MimeTypes lists every
     * locale the JDK has, WebDescriptor builds an XML parser with Jetty's schema catalogs. When the main thread gets
     * there first it waits for this thread's initialisation instead of doing it again.
     */
    static final List<String> JETTY_CLASSES = List.of(
            "org.eclipse.jetty.http.MimeTypes",
            "org.eclipse.jetty.ee11.webapp.WebDescriptor");
    static final List<String> CLASSES = List.of(
            "org.sqlite.JDBC",
            "com.zaxxer.hikari.HikariDataSource",
            "org.eclipse.yasson.JsonBindingProvider",
            // Jersey's process-wide Jsonb, built by its static initialiser: otherwise the first request builds it
            "org.glassfish.jersey.jsonb.internal.JsonBindingProvider$JsonbSingleton",
            "org.glassfish.jersey.server.ApplicationHandler",
            "org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory",
            "org.glassfish.jersey.server.internal.inject.FormParamValueParamProvider$MultipartFormParamValueProvider",
            "org.glassfish.jersey.message.internal.HttpHeaderReader",
            // the metrics' configuration (system properties and a properties file), read by their first builder
            "io.prometheus.metrics.config.PrometheusProperties");

    private StartupPrewarm() {}

    /** Starts the daemon thread and returns at once; {@code cacheRoot}: the launcher's private cache (SQLite's library). */
    static Thread start(Path cacheRoot) {
        Thread thread = new Thread(() -> run(cacheRoot), "hub-prewarm");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        return thread;
    }

    static void run(Path cacheRoot) {
        ClassLoader loader = StartupPrewarm.class.getClassLoader();
        initialise(JETTY_CLASSES, loader);
        SqliteNativeLibrary.useCached(cacheRoot); // before the driver's first use, which would unpack its own copy
        initialise(CLASSES, loader);
        try {
            // the native library is loaded at the first connection, not by the driver class: load it now
            Class.forName("org.sqlite.SQLiteJDBCLoader", true, loader).getMethod("initialize").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // idem
        }
        StartupTrace.mark("prewarm done (Jetty statics, SQLite driver, pool, JSON-B, Jersey classes)");
    }

    private static void initialise(List<String> classes, ClassLoader loader) {
        for (String name : classes) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // the launcher or the WAR initialises it itself when it gets there
            }
        }
    }
}
