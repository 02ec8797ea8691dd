package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.fs.PrivateFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link HubProcessLauncher} through {@code setsid} (DESIGN §2): the hub gets its own session, so the terminal's
 * Ctrl-C and hang-up never reach it and it outlives the CLI. The JDK child is never a group leader, so setsid
 * execs in place and the pid we record is the hub's own. stdin is /dev/null.
 */
public final class SetsidLauncher implements HubProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");

    @Override
    public Process spawn(List<String> argv, Map<String, String> env, Path log) throws IOException {
        PrivateFiles.createDirectories(log.toAbsolutePath().getParent());
        try {
            PrivateFiles.createFile(log); // appendTo would create it 0644 minus the umask
        } catch (FileAlreadyExistsException e) {
            // an earlier hub's log: appended to, mode as StrictModes left it
        }
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }
}
