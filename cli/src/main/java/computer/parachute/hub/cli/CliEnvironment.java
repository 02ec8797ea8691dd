package computer.parachute.hub.cli;

import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.cli.dashboard.BrowserOpener;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubHealth;
import computer.parachute.hub.cli.hub.HubPorts;
import computer.parachute.hub.cli.hub.HubUnitInstaller;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.cli.hub.UnitArm;
import computer.parachute.hub.cli.serve.ForegroundRunner;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.net.PortProbe;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a verb may touch, built lazily so a verb pays only for what it uses (start-up time, DESIGN §8).
 * {@link CliWiring} is the production wiring; tests pass fakes.
 */
public interface CliEnvironment {
    Console console();

    HubHome home();

    Map<String, String> env();

    /** Wall clock, for uptimes and token expiry only. */
    Clock clock();

    HubHealth health();

    PortProbe portProbe();

    HubUnitManager unitManager();

    HubUnitInstaller unitInstaller();

    /** The detached arm; {@code launcher} is the {@code --launcher} option when given. */
    HubArm detachedArm(Optional<Path> launcher);

    ModuleOpsClient moduleOps(int port);

    Path launcherJar(Optional<Path> launcher) throws CliFailure;

    ForegroundRunner foreground();

    /** Opens a URL in the user's browser ({@code parachute dashboard}). */
    BrowserOpener browser();

    /** Opens hub.db for the auth verbs; the caller closes it. */
    OperatorTokenAdmin tokenAdmin() throws CliFailure;

    /** Where the CLI looks for the hub: hub.port, else PARACHUTE_HUB_PORT, else 1939. */
    default int hubPort() {
        return HubPorts.current(home(), env());
    }

    /** Reference §6.2: the unit arm when a hub unit file is installed, else the detached arm. */
    default HubArm hubArm(Optional<Path> launcher) {
        HubUnitManager manager = unitManager();
        return manager.unitInstalled() ? new UnitArm(manager, hubPort(), home()) : detachedArm(launcher);
    }
}
