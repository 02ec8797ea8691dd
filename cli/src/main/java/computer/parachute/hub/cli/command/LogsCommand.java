package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.hub.HubUnitManager;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.SystemdManager;
import computer.parachute.hub.core.unit.UnitLocation;
import java.io.IOException;
import java.util.List;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.hub.LogTail;
import computer.parachute.hub.cli.logs.LogFollower;
import computer.parachute.hub.cli.UsageException;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.home.ModuleNames;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;
import com.github.rvesse.airline.annotations.restrictions.ranges.IntegerRange;
import com.github.rvesse.airline.annotations.restrictions.Required;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parachute logs <svc> [-f] [-n N]} (reference §6.5): the last lines of {@code <short>/logs/<short>.log}
 * ({@code hub/logs/hub.log} for a detached {@code hub}; journald, through {@code journalctl}, for a hub under a systemd
 * unit); {@code -f} keeps following until Ctrl-C.
 */
@Command(name = "logs", description = "Show a module's (or the hub's) log")
@Examples(examples = {"parachute logs vault", "parachute logs hub -f", "parachute logs vault -n 50"},
        descriptions = {"The last 200 lines of vault's log", "Follow the hub log until Ctrl-C", "The last 50 lines"})
public final class LogsCommand implements Verb {
    /** Reference §6.5: 200 lines by default. */
    static final int DEFAULT_LINES = 200;

    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Arguments(title = "service", description = "a module's short name, or `hub`")
    @Required
    private String svc;

    @Option(name = {"-f", "--follow"}, description = "keep printing new lines until Ctrl-C")
    private boolean follow;

    @Option(name = {"-n", "--lines"}, title = "N", description = "how many lines to show first (default 200)")
    @IntegerRange(min = 0, max = 100_000)
    private int lines = DEFAULT_LINES;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        String target = ModuleOp.HUB.equals(svc) ? svc : ModuleOp.requireShort(svc);
        HubUnitManager units = ModuleOp.HUB.equals(target) ? env.unitManager() : null;
        if (units != null && UnitLocation.SYSTEMD.equals(units.kind()) && units.unitInstalled()) {
            return journal(env);
        }
        Optional<String> reserved = ModuleOp.HUB.equals(target) ? Optional.empty() : ModuleNames.reservedReason(target);
        if (reserved.isPresent()) {
            throw new UsageException(reserved.get()); // no module can have this name, so it has no log
        }
        Path file = logFile(env.home(), target);
        if (!Files.exists(file) && !follow) {
            env.console().line("no logs yet for " + target + ". `parachute start " + target + "` to begin.");
            return ExitCodes.OK;
        }
        long size = LogTail.sizeOf(file);
        LogTail.lastLines(file, 0, lines).forEach(env.console()::line);
        if (follow) {
            env.console().flush();
            new LogFollower(file, size, env.console()::print).follow(new CountDownLatch(1), LogFollower.POLL_INTERVAL);
        }
        return ExitCodes.OK;
    }

    /** Under a systemd unit the hub's output goes to journald, never to hub.log: show it with the same flags. */
    private int journal(CliEnvironment env) throws Exception {
        List<String> argv = SystemdManager.journalctlArgv(Platform.current().isRoot(), lines, follow);
        try {
            int code = env.foreground().run(argv, env.env());
            return code == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (IOException e) {
            throw new CliFailure("the hub runs under systemd and logs to journald, but `" + String.join(" ", argv)
                    + "` could not run (" + e.getMessage() + ")");
        }
    }

    static Path logFile(HubHome home, String target) {
        return ModuleOp.HUB.equals(target) ? home.hubLogFile() : home.moduleLogFile(target);
    }
}
