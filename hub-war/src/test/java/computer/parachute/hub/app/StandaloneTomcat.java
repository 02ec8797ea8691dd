package computer.parachute.hub.app;

import computer.parachute.hub.core.testing.FreePorts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stock Apache Tomcat 11 distribution (unpacked by the pom, left untouched) run with its own CATALINA_BASE: the
 * distribution's conf with only the HTTP connector moved to a free loopback port, the shutdown port disabled and the
 * deploy scan every second instead of every 10.
 * {@code catalina.sh run} execs the JVM, so the process is Tomcat's JVM; SIGTERM stops it through its shutdown hook.
 */
final class StandaloneTomcat implements StandaloneContainer {

    private final Path catalinaHome;
    private final Path base;
    private final int port;
    private Process process;

    private StandaloneTomcat(Path catalinaHome, Path base, int port) {
        this.catalinaHome = catalinaHome;
        this.base = base;
        this.port = port;
    }

    static StandaloneTomcat prepare(Path catalinaHome, Path dir) throws IOException {
        Path base = Files.createDirectories(dir.resolve("catalina-base"));
        for (String sub : List.of("logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(sub));
        }
        Path conf = Files.createDirectories(base.resolve("conf"));
        try (Stream<Path> files = Files.list(catalinaHome.resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        int port = FreePorts.find();
        Path serverXml = conf.resolve("server.xml");
        String stock = Files.readString(serverXml);
        String edited = replaceOnce(replaceOnce(stock, "<Server port=\"8005\"", "<Server port=\"-1\""),
                "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"");
        // Tomcat looks for added/removed WARs every 10 s by default; each second keeps the test short (timing only)
        edited = replaceOnce(edited, "<Engine name=\"Catalina\" defaultHost=\"localhost\">",
                "<Engine name=\"Catalina\" defaultHost=\"localhost\" backgroundProcessorDelay=\"1\">");
        Files.writeString(serverXml, edited);
        return new StandaloneTomcat(catalinaHome, base, port);
    }

    private static String replaceOnce(String text, String stock, String replacement) {
        if (!text.contains(stock)) {
            throw new IllegalStateException("server.xml of the distribution no longer holds " + stock);
        }
        return text.replace(stock, replacement);
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
        ProcessBuilder builder = new ProcessBuilder("sh", catalinaHome.resolve("bin/catalina.sh").toString(), "run")
                .directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("logs/console.out").toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("PARACHUTE_") || key.equals("PORT")
                || key.startsWith("CATALINA_") || key.startsWith("JAVA_") || key.equals("JRE_HOME"));
        environment.put("CATALINA_HOME", catalinaHome.toString());
        environment.put("CATALINA_BASE", base.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // small and quick on a shared box; soft references cleared at every GC so the loader count is about strong ones
        environment.put("CATALINA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SoftRefLRUPolicyMSPerMB=0");
        environment.putAll(env);
        process = builder.start();
        return process;
    }

    @Override
    public String webappLoaderClass() {
        return "org.apache.catalina.loader.ParallelWebappClassLoader";
    }

    @Override
    public boolean namesItsPortAtDeploy() {
        return true;
    }

    @Override
    public String logs() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(base.resolve("logs"))) {
            for (Path file : files.sorted().toList()) {
                all.append("\n--- ").append(file.getFileName()).append('\n')
                        .append(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            all.append("\n(cannot read logs: ").append(e).append(')');
        }
        return all.toString();
    }

    @Override
    public void close() {
        StandaloneContainer.kill(process);
    }
}
