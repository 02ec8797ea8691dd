package computer.parachute.hub.cli.hub;

import java.util.List;

/** A service-manager step's outcome as the CLI needs it: did it work, and the manager layer's own lines. */
public record UnitReply(boolean ok, List<String> messages) {
    public UnitReply {
        messages = List.copyOf(messages);
    }
}
