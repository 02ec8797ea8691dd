package computer.parachute.hub.app;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * JDBC drivers register themselves with the JVM-wide {@link DriverManager} when their class loads. Loaded from a WAR's
 * {@code WEB-INF/lib}, that registration would pin the webapp's class loader after undeploy (Tomcat warns: "registered
 * the JDBC driver [org.sqlite.JDBC] but failed to unregister it"), so the hub removes what its own loader registered.
 * When the hub's classes sit on the application class path (the launcher, tests), the driver belongs to the JVM and
 * stays registered.
 */
final class JdbcDriverRegistrations {
    private static final Logger LOG = Logger.getLogger(JdbcDriverRegistrations.class.getName());

    private JdbcDriverRegistrations() {}

    /** Deregisters every driver loaded by {@code loader}, unless that is the system class loader. */
    static void deregisterLoadedBy(ClassLoader loader) {
        if (loader == ClassLoader.getSystemClassLoader()) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() != loader) {
                continue;
            }
            try {
                DriverManager.deregisterDriver(driver);
                LOG.fine(() -> "deregistered JDBC driver " + driver.getClass().getName());
            } catch (SQLException e) {
                LOG.warning(() -> "could not deregister JDBC driver " + driver.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
