package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.fs.PrivateFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link HubProcessLauncher} in a session of its own (DESIGN §2): the terminal's Ctrl-C and hang-up never reach the
 * hub and it outlives the CLI. Through {@code setsid(1)} where it is on PATH (Linux); else through perl's
 * {@code POSIX::setsid} (macOS ships perl, not setsid); else the hub is spawned as is and shares the CLI's session,
 * so a terminal hang-up can still reach it. The JDK child is never a group leader, so both exec in place and the pid
 * we record is the hub's own. stdin is /dev/null.
 */
public final class SetsidLauncher implements HubProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");
    private static final String PERL_SETSID = "POSIX::setsid() or die \"setsid: $!\\n\"; exec { $ARGV[0] } @ARGV"
            + " or die \"exec $ARGV[0]: $!\\n\"";

    private final String searchPath;

    /** Looks for setsid and perl on the CLI's own PATH. */
    public SetsidLauncher() {
        this(System.getenv("PATH"));
    }

    /** {@code searchPath}: a PATH value ({@code :}-separated) to find setsid or perl on. */
    public SetsidLauncher(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    @Override
    public Process spawn(List<String> argv, Map<String, String> env, Path log) throws IOException {
        PrivateFiles.createDirectories(log.toAbsolutePath().getParent());
        try {
            PrivateFiles.createFile(log); // appendTo would create it 0644 minus the umask
        } catch (FileAlreadyExistsException e) {
            // an earlier hub's log: appended to, mode as StrictModes left it
        }
        List<String> command = new ArrayList<>(newSessionPrefix());
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The words that put the command in a new session, by absolute path; empty when nothing on PATH can. */
    List<String> newSessionPrefix() {
        Optional<Path> setsid = onPath("setsid");
        if (setsid.isPresent()) {
            return List.of(setsid.get().toString());
        }
        return onPath("perl").map(perl -> List.of(perl.toString(), "-MPOSIX", "-e", PERL_SETSID, "--"))
                .orElse(List.of());
    }

    private Optional<Path> onPath(String program) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
