package computer.parachute.hub.core.unit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every argv and answers from a script; never spawns anything. Scripted answers match on
 * the longest argv prefix (joined by spaces); unscripted commands succeed with no output.
 */
final class FakeCommandRunner implements CommandRunner {

    final List<List<String>> calls = new ArrayList<>();
    final Set<String> onPath = new HashSet<>();
    private final Map<String, CommandResult> script = new LinkedHashMap<>();
    /** Injected failure: every run throws this when set. */
    IOException failWith;

    FakeCommandRunner(String... binariesOnPath) {
        onPath.addAll(List.of(binariesOnPath));
    }

    FakeCommandRunner answer(String argvPrefix, int exit, String stdout, String stderr) {
        script.put(argvPrefix, new CommandResult(exit, stdout, stderr));
        return this;
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException {
        calls.add(List.copyOf(argv));
        if (failWith != null) {
            throw failWith;
        }
        String joined = String.join(" ", argv);
        String best = null;
        for (String prefix : script.keySet()) {
            if (joined.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? new CommandResult(0, "", "") : script.get(best);
    }

    @Override
    public boolean isOnPath(String binary) {
        return onPath.contains(binary);
    }

    /** Every recorded call as one space-joined line. */
    List<String> commandLines() {
        List<String> lines = new ArrayList<>();
        for (List<String> argv : calls) {
            lines.add(String.join(" ", argv));
        }
        return lines;
    }
}
