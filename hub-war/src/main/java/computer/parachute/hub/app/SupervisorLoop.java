package computer.parachute.hub.app;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.ModuleState;
import computer.parachute.hub.supervisor.Supervisor;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's periodic pass over its modules: the services.json rescan, then the heartbeat with "N of M modules
 * running". The heartbeat reads the supervisor, so it is sent only by a supervisor that still answers: a hung one
 * stops the launcher's systemd watchdog pings and systemd restarts the hub. A failing rescan never ends the loop
 * (a scheduled task that throws is never run again).
 */
final class SupervisorLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(SupervisorLoop.class.getName());

    private final Runnable rescan;
    private final Supervisor supervisor;
    private final Consumer<String> heartbeat;

    SupervisorLoop(Runnable rescan, Supervisor supervisor, Consumer<String> heartbeat) {
        this.rescan = rescan;
        this.supervisor = supervisor;
        this.heartbeat = heartbeat;
    }

    @Override
    public void run() {
        try {
            rescan.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "registry rescan failed; trying again next pass", e);
        }
        try {
            heartbeat.accept(status(supervisor.list()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat hook failed", e);
        }
    }

    static String status(List<ModuleSnapshot> modules) {
        long running = modules.stream().filter(module -> module.is(ModuleState.RUNNING)).count();
        return running + " of " + modules.size() + " modules running";
    }
}
