package computer.parachute.hub.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared test module does what its docstring promises (other modules' tests rely on it). */
class TestModuleTest {
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    @TempDir Path temp;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void bindsItsPortAndAnswersHealthWithItsPid() throws Exception {
        int port = FreePorts.find();
        ProcessBuilder builder = new ProcessBuilder(TestModules.command(TestModules.installDir(temp, "tm")));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("TM_ECHO", "hello");
        Process process = reaper.track(builder.start());

        String startup = CompletableFuture.supplyAsync(() -> firstLine(process)).get(10, TimeUnit.SECONDS);
        assertTrue(startup.startsWith("testmodule pid=" + process.pid() + " port=" + port + " echo=hello"), startup);
        Poll.require(BIND_TIMEOUT, "port " + port, () -> healthStatus(port) == 200);
        assertTrue(body(port).contains("\"pid\": " + process.pid()), body(port));
    }

    @Test
    void crashAtStartExitsWithThree() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(TestModules.command(TestModules.installDir(temp, "tm")));
        builder.environment().put("TM_CRASH_AT_START", "1");
        Process process = reaper.track(builder.start());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue());
    }

    private static String firstLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int healthStatus(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            connection.setConnectTimeout(200);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String body(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                .toURL().openConnection();
        try (var in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
