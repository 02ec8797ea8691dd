package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.home.HubInstanceRecord;
import java.util.Optional;

import java.util.ArrayList;
import java.util.List;

/**
 * The hub arm when a unit file is installed (reference §6.3): every hub verb goes through the service manager,
 * never a PID signal (systemd Restart=always / launchd KeepAlive would undo one).
 */
public final class UnitArm implements HubArm {
    private final HubUnitManager manager;
    private final int port;
    private final HubHome home;

    public UnitArm(HubUnitManager manager, int port, HubHome home) {
        this.manager = manager;
        this.port = port;
        this.home = home;
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
        // the manager's MainPID is the launcher, which records itself in hub-instance.json once it serves
        Optional<HubInstanceRecord> running = HubInstanceRecord.read(home)
                .filter(record -> record.port() == port && record.alive());
        return new HubObservation(manager.kind(), running.map(HubInstanceRecord::pid).orElse(null),
                running.map(HubInstanceRecord::startedAt).orElse(null), state.status(), state.detail());
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
