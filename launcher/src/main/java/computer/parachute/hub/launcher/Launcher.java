package computer.parachute.hub.launcher;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.config.HubContextAttributes;
import computer.parachute.hub.core.config.HubConfigException;
import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.core.config.StartupTrace;
import computer.parachute.hub.core.home.StrictModes;
import computer.parachute.hub.core.home.UnsafeHomeException;
import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code java -jar launcher.jar}: the hub process (DESIGN §2). Resolves the config, binds the hub port before the WAR
 * boots, serves until SIGTERM/SIGINT, then stops gracefully and exits 0. The only place in the launcher that prints
 * or exits; every exit code is decided here.
 */
public final class Launcher {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_BAD_CONFIG = 2;
    private static final String PREFIX = "parachute hub: ";
    /**
     * Per user (and checked private by EmbeddedWar), so accounts on one machine never share an unpacked WAR (or
     * SQLite's native library, SqliteNativeLibrary).
     */
    private static final Path WAR_CACHE =
            Path.of(System.getProperty("java.io.tmpdir"), "parachute-hub-" + System.getProperty("user.name"));

    /** The API must answer before systemd hears READY=1; the unit's start timeout is longer. */
    private static final java.time.Duration READY_PROBE_DEADLINE = java.time.Duration.ofSeconds(20);

    private final PrintStream out;
    private final PrintStream err;
    private final ShutdownSignals signals;
    private final PortOwnerLookup portOwners;

    Launcher(PrintStream out, PrintStream err, ShutdownSignals signals, PortOwnerLookup portOwners) {
        this.out = out;
        this.err = err;
        this.signals = signals;
        this.portOwners = portOwners;
    }

    /**
     * Without it, Jetty's MemoryUtils starts the platform MBean server (~35 ms of start-up and a few MB of JMX) only
     * to ask whether oops are compressed; they are below a 32 GB heap, where a 64-byte cache line holds 16.
     */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String COMPRESSED_OOPS_REFERENCES_PER_LINE = "16";

    public static void main(String[] args) {
        StartupTrace.mark("launcher main");
        StartupPrewarm.start(WAR_CACHE);
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, COMPRESSED_OOPS_REFERENCES_PER_LINE);
        }
        System.exit(new Launcher(System.out, System.err, new JdkShutdownSignals(), new ProcPortOwnerLookup()).run());
    }

    int run() {
        HubConfig config;
        Server server;
        try {
            config = HubConfig.fromProcess();
        } catch (HubConfigException e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        try {
            StrictModes.Report report = StrictModes.enforce(config.home());
            report.fixed().forEach(line -> err.println(PREFIX + line));
            report.warnings().forEach(line -> err.println(PREFIX + "warning: " + line));
        } catch (UnsafeHomeException e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (IOException e) {
            err.println(PREFIX + "failed to start: cannot use PARACHUTE_HOME " + config.home() + " (" + e.getMessage() + ")");
            return EXIT_FAILURE;
        }
        try {
            Path webapp = EmbeddedWar.explode(WAR_CACHE);
            StartupTrace.mark("config read, home checked, WAR descriptor unpacked");
            server = HubServer.create(config, webapp);
            StartupTrace.mark("Jetty built");
        } catch (HubConfigException e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (IOException e) {
            err.println(PREFIX + "cannot unpack the hub WAR: " + e.getMessage());
            return EXIT_FAILURE;
        }
        return serve(config, server);
    }

    private int serve(HubConfig config, Server server) {
        SystemdNotify systemd = SystemdNotify.fromEnvironment(System.getenv(), ProcessHandle.current().pid());
        try {
            HubServer.bind(server);
            StartupTrace.mark("hub port bound");
            signals.onTerminate(() -> {
                systemd.stopping();
                HubShutdown.stop(server);
            });
            HubServer.webapp(server).setAttribute(HubContextAttributes.HEARTBEAT, systemd.heartbeat());
            HubServer.webapp(server).setAttribute(HubContextAttributes.LAUNCHER_BOOTS_MODULES, Boolean.TRUE);
            server.start();
            StartupTrace.mark("Jetty started (webapp deployed, Jersey up)");
            int port = HubServer.boundPort(server);
            RunFiles runFiles = RunFiles.write(config.home(), port, config.instanceId(),
                    ProcessHandle.current().pid(), Instant.now());
            out.println(PREFIX + Banner.listening(config, port, HubVersion.current()));
            // the modules boot once the hub answers: started earlier, their interpreters took the CPU from the
            // first request's cold path on a 2-core machine (the probe is that first request)
            boolean answering = SelfProbe.awaitHealthy(config.bindHost(), port, READY_PROBE_DEADLINE);
            if (!answering && systemd.enabled()) {
                throw new IllegalStateException("/health did not answer on port " + port + " within "
                        + READY_PROBE_DEADLINE.toSeconds() + " s");
            }
            if (!answering) {
                err.println(PREFIX + "warning: /health did not answer on port " + port + " within "
                        + READY_PROBE_DEADLINE.toSeconds() + " s; booting the modules anyway");
            }
            // the WAR's hook starts the boot in the background and returns at once
            HubServer.hook(server, HubContextAttributes.BOOT_MODULES).ifPresent(Runnable::run);
            if (systemd.enabled()) {
                systemd.ready("listening on port " + port);
            }
            server.join();
            runFiles.remove();
            return EXIT_OK;
        } catch (PortInUseException e) {
            err.println(PREFIX + Banner.portInUse(e.port(), portOwners.ownerOf(e.port())));
            return EXIT_FAILURE;
        } catch (Exception e) {
            err.println(PREFIX + "failed to start: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            HubShutdown.stop(server);
            return EXIT_FAILURE;
        }
    }
}
