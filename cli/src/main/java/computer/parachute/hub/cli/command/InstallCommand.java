package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.core.home.ModuleNames;
import computer.parachute.hub.core.manifest.ModuleManifest;
import computer.parachute.hub.core.manifest.ModuleManifestException;
import computer.parachute.hub.core.manifest.ReservedPaths;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;
import com.github.rvesse.airline.annotations.restrictions.PortRange;
import com.github.rvesse.airline.annotations.restrictions.Required;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code parachute install <dir>}: registers a module directory that has {@code .parachute/module.json} — validates
 * it, gives it a free port, writes its services.json row with {@code installDir} — and starts it when the hub runs.
 */
@Command(name = "install", description = "Register a module directory (one with .parachute/module.json) and start it")
@Examples(examples = {"parachute install ~/src/my-module", "parachute install ./notes --port 1950 --no-start"},
        descriptions = {"Register the module and start it if the hub is running", "Pin its port and don't start it"})
public final class InstallCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Arguments(title = "dir", description = "the module's directory (it must contain .parachute/module.json)")
    @Required
    private String dir;

    @Option(name = "--port", title = "port", description = "use this port (fails if it is taken) instead of the module's own or the next free one")
    @PortRange(minimum = 1, maximum = 65535)
    private Integer port;

    @Option(name = "--no-start", description = "register only; don't start it even if the hub is running")
    private boolean noStart;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        Path installDir = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(installDir)) {
            throw new CliFailure(installDir + " is not a directory — pass the module's directory (the one holding .parachute/module.json)");
        }
        ModuleManifest manifest = readManifest(installDir);
        String shortName = ShortNames.forManifest(manifest.manifestName()).orElseThrow(() -> new CliFailure(
                ModuleManifest.fileIn(installDir) + ": name \"" + manifest.manifestName() + "\" gives no usable short name — use lower-case letters, digits, '.', '_' or '-'"));
        Optional<String> reserved = ModuleNames.reservedReason(shortName);
        if (reserved.isPresent()) {
            throw new CliFailure(ModuleManifest.fileIn(installDir) + ": " + reserved.get());
        }
        refuseShadowingPaths(installDir, manifest);
        ServicesRegistry registry = new ServicesRegistry(env.home().servicesJson());
        List<ServiceEntry> rows = registry.readStrict();
        int hubPort = env.hubPort();
        int chosen = choosePort(env, manifest, rows, hubPort);
        ServiceEntry entry = ServiceEntry.of(manifest.manifestName(), chosen, manifest.paths(), manifest.health(), "0.0.0")
                .withInstallDir(installDir.toString());
        registry.upsert(rows.stream().filter(r -> r.name().equals(entry.name())).findFirst()
                .map(old -> new ServiceEntry(old.name(), chosen, manifest.paths(), manifest.health(), old.version(),
                        manifest.displayName(), manifest.tagline(), installDir.toString(), old.lastStartError(), old.raw()))
                .orElse(entry));
        env.console().success("registered " + shortName + " (" + manifest.manifestName() + ") on port " + chosen + " from " + installDir);
        if (chosen != manifest.port() && port == null) {
            env.console().line("  (its module.json asks for port " + manifest.port() + ", which is taken)");
        }
        if (noStart || !env.health().hubAnswers(hubPort)) {
            env.console().line("Start it with `parachute start " + shortName + "`.");
            return ExitCodes.OK;
        }
        return ModuleOp.call(env, hubPort, shortName, "start", "started");
    }

    private static ModuleManifest readManifest(Path installDir) throws CliFailure {
        try {
            return ModuleManifest.read(installDir);
        } catch (ModuleManifestException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    /** The hub's own routes always win, so a module mounted on one would never be reached (DESIGN §13). */
    private static void refuseShadowingPaths(Path installDir, ModuleManifest manifest) throws CliFailure {
        for (String path : manifest.paths()) {
            Optional<String> conflict = ReservedPaths.conflict(path);
            if (conflict.isPresent()) {
                throw new CliFailure(ModuleManifest.fileIn(installDir) + ": " + conflict.get() + " — nothing was registered");
            }
        }
    }

    private int choosePort(CliEnvironment env, ModuleManifest manifest, List<ServiceEntry> rows, int hubPort) throws CliFailure {
        if (port != null) {
            if (!PortAssigner.free(port, rows.stream().filter(r -> !r.name().equals(manifest.manifestName()))
                    .map(ServiceEntry::port).collect(java.util.stream.Collectors.toSet()), hubPort, env.portProbe(), rows, manifest.manifestName())) {
                throw new CliFailure("port " + port + " is taken (by the hub, another services.json row, or a listening process) — pick another with --port, or leave --port out to get the next free one");
            }
            return port;
        }
        OptionalInt free = PortAssigner.assign(manifest.port(), manifest.manifestName(), rows, hubPort, env.portProbe());
        return free.orElseThrow(() -> new CliFailure("no free port from 1939 upward for " + manifest.manifestName() + " — free one, or pass --port"));
    }
}
