package computer.parachute.hub.cli.hub;

/**
 * How the CLI starts and stops the hub itself (DESIGN §2). Chosen per verb by whether a hub unit is installed:
 * {@link UnitArm} goes through the service manager only; {@link DetachedArm} spawns and signals the launcher.
 */
public interface HubArm {
    /** Makes sure the hub answers /health; already running is success. */
    ArmResult start() throws InterruptedException;

    /** {@code start} with no service: the same, worded for "every installed module boots with it". */
    default ArmResult startAll() throws InterruptedException {
        return start();
    }

    ArmResult stop() throws InterruptedException;

    ArmResult restart() throws InterruptedException;

    HubObservation observe();
}
