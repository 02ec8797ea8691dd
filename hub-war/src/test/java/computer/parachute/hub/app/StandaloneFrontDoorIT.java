package computer.parachute.hub.app;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door is servlet-level, so it must work in a stock container, not only under the launcher: target/hub.war
 * in a stock Jetty 12 distribution (with its Jakarta WebSocket module on) and in a stock Tomcat 11 proxies a real
 * module's HTTP, streams its server-sent events one by one and bridges its WebSocket — with the WAR's own Jetty client
 * and proxy classes beside (or instead of) the container's.
 */
class StandaloneFrontDoorIT {
    private static final Duration SETUP_DEADLINE = Duration.ofSeconds(60);
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void stockTomcatServesModulesThroughTheWar() throws Exception {
        Path home = install(dir);
        try (StandaloneTomcat tomcat = StandaloneTomcat.prepare(Path.of(required("tomcat.home")), dir)) {
            Files.copy(Path.of(required("hub.war")), tomcat.webapps().resolve("ROOT.war"));
            tomcat.start(Map.of("PARACHUTE_HOME", home.toString()));
            exercise(tomcat.port(), tomcat::logs);
        }
    }

    @Test
    void stockJettyServesModulesThroughTheWar() throws Exception {
        Path jettyHome = Path.of(required("jetty.home"));
        Path base = Files.createDirectories(dir.resolve("jetty-base"));
        Path log = dir.resolve("jetty.log");
        Process setup = java(jettyHome, base, log, "--add-modules=http,ee11-deploy,ee11-websocket-jakarta").start();
        try {
            assertTrue(setup.waitFor(SETUP_DEADLINE.toSeconds(), TimeUnit.SECONDS), "start.jar --add-modules hung");
            assertEquals(0, setup.exitValue(), () -> read(log));
        } finally {
            setup.destroyForcibly();
        }
        Files.copy(Path.of(required("hub.war")), Files.createDirectories(base.resolve("webapps")).resolve("ROOT.war"));
        Path home = install(dir);

        int port = FreePorts.find();
        ProcessBuilder run = java(jettyHome, base, log, "jetty.http.port=" + port, "jetty.http.host=127.0.0.1");
        run.environment().put("PARACHUTE_HOME", home.toString());
        Process jetty = run.start();
        try {
            exercise(port, () -> read(log));
            jetty.destroy(); // SIGTERM: the undeploy stops the module
            assertTrue(jetty.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS), () -> "jetty did not exit" + read(log));
        } finally {
            jetty.descendants().forEach(ProcessHandle::destroyForcibly);
            jetty.destroyForcibly();
            jetty.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** HTTP, SSE and WebSocket to the module through the container on {@code port}. */
    private static void exercise(int port, Supplier<String> logs) throws Exception {
        String hub = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        if (!Poll.until(START_DEADLINE, () -> status(http, hub + "/echo/x") == 200)) {
            throw new AssertionError("the module never answered through the stock container:" + logs.get());
        }
        String echo = http.send(request(hub + "/echo/a?b=c"), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(echo.contains("\"path\": \"/echo/a\"") && echo.contains("\"x-forwarded-host\": \"127.0.0.1:" + port + "\""), echo);

        HttpResponse<Stream<String>> sse = http.send(request(hub + "/echo/sse?n=3&ms=400"), HttpResponse.BodyHandlers.ofLines());
        List<Long> arrivals = new ArrayList<>();
        Iterator<String> lines = sse.body().iterator();
        while (lines.hasNext() && arrivals.size() < 3) {
            if (lines.next().startsWith("data: ")) {
                arrivals.add(System.nanoTime());
            }
        }
        assertEquals(3, arrivals.size());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(arrivals.get(2) - arrivals.get(0)) >= 400, "events arrived together: buffered");

        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo/ws"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("through a stock container", true).get(5, TimeUnit.SECONDS);
        assertEquals("through a stock container", reply.get(10, TimeUnit.SECONDS));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    /** A PARACHUTE_HOME with one module, proxymodule.py, mounted at /echo. */
    private static Path install(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path module = Files.createDirectories(dir.resolve("echo/.parachute")).getParent();
        try (InputStream in = StandaloneFrontDoorIT.class.getResourceAsStream("/proxymodule/proxymodule.py")) {
            Files.copy(in, module.resolve("proxymodule.py"), StandardCopyOption.REPLACE_EXISTING);
        }
        int port = FreePorts.find();
        Files.writeString(module.resolve(".parachute/module.json"), "{\"name\": \"echo\", \"port\": " + port
                + ", \"paths\": [\"/echo\"], \"health\": \"/health\", \"startCmd\": [\"" + TestModules.python() + "\", \""
                + module.resolve("proxymodule.py") + "\"]}");
        Files.writeString(home.resolve("services.json"), "{\"services\": [{\"name\": \"echo\", \"port\": " + port
                + ", \"paths\": [\"/echo\"], \"health\": \"/health\", \"version\": \"0.0.1\", \"installDir\": \"" + module + "\"}]}");
        return home;
    }

    private static ProcessBuilder java(Path jettyHome, Path base, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jettyHome.resolve("start.jar").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("run through failsafe (mvn verify): system property " + property + " unset");
        }
        return value;
    }

    private static String read(Path log) {
        try {
            return "\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
