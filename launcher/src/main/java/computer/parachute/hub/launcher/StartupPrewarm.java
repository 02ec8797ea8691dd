package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.StartupTrace;

import java.nio.file.Path;
import java.util.List;

/**
 * Start-up work on the second core: while the main thread builds Jetty and configures the webapp, one daemon thread
 * initialises what the WAR's start needs next — the SQLite driver (it unpacks and loads its native library), the
 * connection pool, JSON-B and Jersey's server classes. The main thread then finds them ready instead of doing the
 * same work in sequence. The classes are the same ones the WAR uses (its classes come from the launcher's class path,
 * loaded parent-first); a failure here only means the WAR does the work itself, as before.
 */
final class StartupPrewarm {
    static final List<String> CLASSES = List.of(
            "org.sqlite.JDBC",
            "com.zaxxer.hikari.HikariDataSource",
            "org.eclipse.yasson.JsonBindingProvider",
            "org.glassfish.jersey.server.ApplicationHandler",
            "org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory");

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
        SqliteNativeLibrary.useCached(cacheRoot); // before the driver's first use, which would unpack its own copy
        ClassLoader loader = StartupPrewarm.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // the WAR initialises it itself when it gets there
            }
        }
        try {
            // the native library is loaded at the first connection, not by the driver class: load it now
            Class.forName("org.sqlite.SQLiteJDBCLoader", true, loader).getMethod("initialize").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // idem
        }
        StartupTrace.mark("prewarm done (SQLite driver, pool, JSON-B, Jersey classes)");
    }
}
