package computer.parachute.hub.app;

import computer.parachute.hub.core.testing.FreePorts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stock Jetty 12 (jetty-home, unpacked by the pom) with a fresh jetty-base holding {@code http} and {@code ee11-deploy}.
 * Jetty 12.1 scans webapps/ only when {@code jetty.deploy.scanInterval} is positive (hot deploy is off by default),
 * so the run sets it to 1 s: the one deploy setting the undeploy/redeploy steps need.
 */
final class StandaloneJetty implements StandaloneContainer {
    private static final long SETUP_SECONDS = 60;

    private final Path jettyHome;
    private final Path base;
    private final Path log;
    private final int port;
    private Process process;

    private StandaloneJetty(Path jettyHome, Path base, Path log, int port) {
        this.jettyHome = jettyHome;
        this.base = base;
        this.log = log;
        this.port = port;
    }

    static StandaloneJetty prepare(Path jettyHome, Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("jetty-base"));
        StandaloneJetty jetty = new StandaloneJetty(jettyHome, base, dir.resolve("jetty.log"), FreePorts.find());
        Process setup = jetty.java(List.of("--add-modules=http,ee11-deploy")).start();
        try {
            if (!setup.waitFor(SETUP_SECONDS, TimeUnit.SECONDS) || setup.exitValue() != 0) {
                throw new IllegalStateException("start.jar --add-modules failed" + jetty.logs());
            }
        } finally {
            setup.destroyForcibly();
        }
        Files.createDirectories(base.resolve("webapps"));
        return jetty;
    }

    private ProcessBuilder java(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:SoftRefLRUPolicyMSPerMB=0",
                "-jar", jettyHome.resolve("start.jar").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("PARACHUTE_") || key.equals("PORT")
                || key.startsWith("JETTY_") || key.equals("JAVA_OPTIONS"));
        return builder;
    }

    @Override
    public Path webapps() {
        return base.resolve("webapps");
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Process start(Map<String, String> env) throws IOException {
        ProcessBuilder builder = java(List.of("jetty.http.port=" + port, "jetty.http.host=127.0.0.1",
                "jetty.deploy.scanInterval=1"));
        builder.environment().putAll(env);
        process = builder.start();
        return process;
    }

    @Override
    public String webappLoaderClass() {
        return "org.eclipse.jetty.ee11.webapp.WebAppClassLoader";
    }

    @Override
    public boolean namesItsPortAtDeploy() {
        return false; // no MBean server in a stock jetty-base: the first request tells the hub
    }

    @Override
    public String logs() {
        try {
            return "\n--- jetty.log\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no jetty log: " + e + ")";
        }
    }

    @Override
    public void close() {
        StandaloneContainer.kill(process);
    }
}
