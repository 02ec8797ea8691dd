package computer.parachute.hub.cli;

import computer.parachute.hub.cli.hub.ArmResult;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.cli.hub.HubObservation;

import java.util.ArrayList;
import java.util.List;

/** A hub arm that records calls and returns what the test set. */
public final class FakeHubArm implements HubArm {
    private final String source;
    public ArmResult startResult = ArmResult.ok(1939, "✓ hub started (pid 4242) on port 1939; logs: /x/hub.log");
    public ArmResult stopResult = ArmResult.ok(1939, "✓ hub stopped.");
    public HubObservation observation;
    public final List<String> calls = new ArrayList<>();

    public FakeHubArm(String source) {
        this.source = source;
        this.observation = new HubObservation(source, null, null, null, null);
    }

    @Override
    public ArmResult start() {
        calls.add("start");
        return startResult;
    }

    @Override
    public ArmResult stop() {
        calls.add("stop");
        return stopResult;
    }

    @Override
    public ArmResult restart() {
        calls.add("restart");
        return startResult;
    }

    @Override
    public HubObservation observe() {
        return observation;
    }
}
