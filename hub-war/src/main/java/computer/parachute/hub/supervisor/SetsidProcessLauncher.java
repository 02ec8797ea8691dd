package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.NeutralContextLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Production {@link ProcessLauncher}: {@link ProcessBuilder} with {@code setsid} as argv[0] on Linux, so the child is
 * a session and process-group leader (pid == pgid; setsid does not fork because the JVM's child is not a group
 * leader) and a group signal reaches its grandchildren (reference §2.5, §10). Without setsid (macOS) the child
 * stays in the hub's group. stdin is /dev/null, stderr goes to the stdout pipe; env is the hub's env overlaid by the request's.
 */
public final class SetsidProcessLauncher implements ProcessLauncher {
    /** Set by systemd for the hub's unit (sd_notify socket, watchdog); never passed to a module. */
    static final java.util.List<String> HUB_ONLY_ENVIRONMENT = java.util.List.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID");

    private static final List<Path> SETSID_CANDIDATES = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    private static final File DEV_NULL = new File("/dev/null");

    private final String setsid;

    public SetsidProcessLauncher() {
        this.setsid = SETSID_CANDIDATES.stream().filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElse(null);
    }

    @Override
    public ChildProcess launch(SpawnRequest request) throws IOException {
        List<String> argv = new ArrayList<>();
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.addAll(request.cmd());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectErrorStream(true); // ChildProcess#stdout: one pipe, one output pump per module
        if (request.cwd() != null) {
            builder.directory(request.cwd().toFile());
        }
        // the hub's service-manager channel is the hub's alone: a module that speaks sd_notify must not report
        // READY/STOPPING/WATCHDOG for the hub (the unit has NotifyAccess=all for the launcher's systemd-notify)
        builder.environment().keySet().removeAll(HUB_ONLY_ENVIRONMENT);
        builder.environment().putAll(request.env());
        return new JdkChildProcess(NeutralContextLoader.start(builder));
    }
}
