package computer.parachute.hub.cli.hub;

import java.util.List;

/**
 * What a hub arm did: whether it worked, the port the hub is (or would be) on, and the operator lines to print,
 * already marked ({@code ✓ }, {@code ✗ }, {@code ⚠ } or plain) so {@code Console.report} can route them.
 */
public record ArmResult(boolean ok, int port, List<String> lines) {
    public ArmResult {
        lines = List.copyOf(lines);
    }

    public static ArmResult ok(int port, String... lines) {
        return new ArmResult(true, port, List.of(lines));
    }

    public static ArmResult failed(int port, List<String> lines) {
        return new ArmResult(false, port, lines);
    }
}
