package computer.parachute.hub.cli.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * The hub arm when a unit file is installed (reference §6.3): every hub verb goes through the service manager,
 * never a PID signal (systemd Restart=always / launchd KeepAlive would undo one).
 */
public final class UnitArm implements HubArm {
    private final HubUnitManager manager;
    private final int port;

    public UnitArm(HubUnitManager manager, int port) {
        this.manager = manager;
        this.port = port;
    }

    @Override
    public ArmResult start() throws InterruptedException {
        return ensure("hub is up.");
    }

    @Override
    public ArmResult startAll() throws InterruptedException {
        return ensure("hub is up (all installed modules booted).");
    }

    @Override
    public ArmResult stop() {
        return control(HubUnitManager.Action.STOP, "hub stopped (all supervised modules stopped with it).");
    }

    @Override
    public ArmResult restart() throws InterruptedException {
        UnitReply reply = manager.restart(port);
        return reply.ok() ? ArmResult.ok(port, "✓ hub restarted (all modules re-booted).")
                : ArmResult.failed(port, marked(reply.messages()));
    }

    @Override
    public HubObservation observe() {
        UnitStateView state = manager.state();
        return new HubObservation(manager.kind(), null, null, state.status(), state.detail());
    }

    private ArmResult ensure(String success) throws InterruptedException {
        UnitReply reply = manager.ensureUp(port);
        return reply.ok() ? ArmResult.ok(port, "✓ " + success) : ArmResult.failed(port, marked(reply.messages()));
    }

    private ArmResult control(HubUnitManager.Action action, String success) {
        UnitReply reply = manager.control(action);
        if (!reply.ok()) {
            return ArmResult.failed(port, marked(reply.messages()));
        }
        List<String> lines = new ArrayList<>(reply.messages());
        lines.add("✓ " + success);
        return new ArmResult(true, port, lines);
    }

    /** The first line of a failure becomes the ✗ line; the rest (unit log tail) follow as they are. */
    static List<String> marked(List<String> messages) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            lines.add(i == 0 ? "✗ " + messages.get(i) : messages.get(i));
        }
        if (lines.isEmpty()) {
            lines.add("✗ the service manager reported a failure without details");
        }
        return lines;
    }
}
