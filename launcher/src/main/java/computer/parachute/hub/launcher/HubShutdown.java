package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.HubContextAttributes;
import org.eclipse.jetty.server.Server;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's stop, in DESIGN §5 order: modules (through the WAR's stop-modules hook), then Jetty
 * ({@link HubServer#GRACEFUL_STOP_TIMEOUT}), whose context shutdown closes the DB last. Safe to call more than once.
 */
final class HubShutdown {
    private static final Logger LOG = Logger.getLogger(HubShutdown.class.getName());

    private HubShutdown() {}

    static void stop(Server server) {
        try {
            HubServer.hook(server, HubContextAttributes.STOP_MODULES).ifPresent(Runnable::run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping modules failed; stopping Jetty anyway", e);
        } finally {
            stopJetty(server);
        }
    }

    private static void stopJetty(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Jetty did not stop cleanly", e);
        } finally {
            LOG.info(() -> "hub stopped: " + server.getState());
        }
    }
}
