package computer.parachute.hub.cli.it;

import computer.parachute.hub.cli.client.LoopbackHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module start/stop through the real hub API: install, start, status, stop, restart, uninstall with the real
 * parachute.jar against the real launcher.jar (no skips: every part it needs is built by mvn verify).
 */
class ModuleOpsEndToEndIT {
    @TempDir
    Path root;
    CliProcess cli;

    @AfterEach
    void tearDown() {
        if (cli != null) {
            cli.killRecordedHub();
        }
    }

    @Test
    void installStartStatusStopUninstall() throws Exception {
        assertTrue(CliProcess.launcherRunnable(), "launcher.jar must be built and runnable (mvn verify builds it)");
        cli = new CliProcess(root.resolve("home"), CliProcess.freePort());
        assertEquals(0, cli.run("start", "hub").code());
        int apiStatus = LoopbackHttp.get(cli.hubPort, "/api/modules", null, Duration.ofSeconds(3)).status();
        assertEquals(401, apiStatus, "the hub serves /api/modules and wants a token");
        CliProcess.Result mint = cli.run("auth", "rotate-operator");
        assertEquals(0, mint.code(), mint.all());

        Path module = root.resolve("hello");
        Files.createDirectories(module.resolve(".parachute"));
        Files.writeString(module.resolve("server.py"), SERVER);
        int modulePort = CliProcess.freePort();
        Files.writeString(module.resolve(".parachute/module.json"), "{\"name\":\"hello\",\"port\":" + modulePort
                + ",\"paths\":[\"/hello\"],\"health\":\"/health\",\"startCmd\":[\"python3\",\"server.py\"]}");

        CliProcess.Result install = cli.run("install", module.toString());
        assertEquals(0, install.code(), install.all());
        assertTrue(install.stdout().contains("✓ hello started."), install.all());

        CliProcess.Result status = cli.run("status");
        assertTrue(status.stdout().lines().anyMatch(l -> l.startsWith("hello") && l.contains(" active ")), status.all());

        CliProcess.Result stop = cli.run("stop", "hello");
        assertEquals("✓ hello stopped.\n", stop.stdout(), stop.all());
        CliProcess.Result restart = cli.run("restart", "hello");
        assertEquals(0, restart.code(), restart.all());
        assertEquals(0, cli.run("uninstall", "hello").code());
        assertEquals(0, cli.run("stop", "hub").code());
    }

    static final String SERVER = String.join("\n",
            "import os",
            "from http.server import BaseHTTPRequestHandler, HTTPServer",
            "class H(BaseHTTPRequestHandler):",
            "    def do_GET(self):",
            "        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')",
            "    def log_message(self, *a): pass",
            "HTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()",
            "");
}
