package computer.parachute.hub.cli.serve;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs a command in the foreground with the terminal's stdio and returns its exit code ({@code parachute serve}). */
@FunctionalInterface
public interface ForegroundRunner {
    int run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException;
}
