package computer.parachute.hub.cli.it;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (Debian's chromium, headless, through chromedriver) against the real launcher.jar
 * and parachute.jar with real Python modules: log in through the link {@code parachute dashboard --no-open} prints,
 * see every module's state, restart one, kill -9 one, follow a log, ride out a hub restart, and watch the refusals.
 * Saves {@code target/dashboard.png} and prints the page's numbers (weight, first paint, time to live, latency).
 */
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Short enough that the test can watch a link expire; the real one is 60 s. */
    static final long LOGIN_TTL_MILLIS = 8_000;
    static final Duration UI_WAIT = Duration.ofSeconds(20);
    static final Duration HUB_WAIT = Duration.ofSeconds(40);

    @TempDir
    Path root;
    private final ProcessReaper reaper = new ProcessReaper();
    private ChromeDriver browser;
    private Process hub;
    private CliProcess cli;
    private int port;

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            stopHub();
            reaper.close();
        }
    }

    @Test
    void theDashboardIsLiveHonestAndRefusesWhatItShould() throws Exception {
        assumeTrue(CliProcess.launcherRunnable(), "launcher.jar is not built");
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Path home = root.resolve("home");
        port = FreePorts.find();
        cli = new CliProcess(home, port);
        int helloPort = FreePorts.find();
        Files.createDirectories(home);
        startHub(home); // with no module yet: the page's empty state comes first
        browser = startBrowser();

        // --- log in through the printed link; the code leaves the address bar ---
        String expiring = link(); // used again at the end, long after it expired
        long expiringMintedAt = System.nanoTime();
        String link = link();
        browser.get(link);
        String base = "http://127.0.0.1:" + port + "/";
        waitFor("the dashboard after login", () -> browser.getCurrentUrl().equals(base) && connection().equals("live"));
        browser.executeScript("window.__sameDocument = true;"); // a reload would lose it
        waitFor("the empty state", () -> browser.findElement(By.id("empty")).isDisplayed());
        assertTrue(browser.findElement(By.id("empty")).getText().contains("parachute install"));
        assertFalse(browser.findElement(By.id("hub-instance")).getText().isBlank());

        // --- modules appear as services.json gains them; Start runs one, a failed start shows where the row is ---
        Path services = register(home, helloPort);
        waitFor("both rows, not started", () -> state("hello").equals("not started") && state("broken").equals("not started"));
        assertFalse(browser.findElement(By.id("empty")).isDisplayed());
        assertEquals("hello", text(row("hello"), ".short"));
        assertEquals("Hello module", text(row("hello"), ".name"));
        assertEquals(String.valueOf(helloPort), text(row("hello"), ".port"));
        row("hello").findElement(By.cssSelector("button[data-op='start']")).click();
        waitFor("hello running", () -> state("hello").equals("running") && text(row("hello"), ".pid").matches("\\d+"));
        waitFor("hello's start outcome", () -> text(row("hello"), ".op").startsWith("✓ started"));
        row("broken").findElement(By.cssSelector("button[data-op='start']")).click();
        waitFor("broken crashed, said in its row", () -> state("broken").equals("crashed")
                && text(row("broken"), ".op").startsWith("✗ start: now crashed — missing_dependency"));
        assertTrue(text(row("broken"), ".err").contains("missing_dependency"), text(row("broken"), ".err"));
        assertTrue(text(row("broken"), ".err").contains("Fix: Install parachute-no-such-tool"), text(row("broken"), ".err"));

        // --- a malformed services.json is a banner naming the file; fixing it clears the banner ---
        String good = Files.readString(services);
        Files.writeString(services, "{\"services\": [ this is not json");
        waitFor("the registry banner", () -> browser.findElement(By.id("banner")).isDisplayed());
        assertTrue(browser.findElement(By.id("banner")).getText().contains(services.toString()),
                browser.findElement(By.id("banner")).getText());
        Files.writeString(services, good);
        waitFor("the banner gone", () -> !browser.findElement(By.id("banner")).isDisplayed());

        // --- measure a plain load of the page ---
        Map<String, Object> load = measureLoad(base);

        // --- restart: a new pid, and the row says how it went ---
        String pidBefore = text(row("hello"), ".pid");
        long clickedAt = System.nanoTime();
        row("hello").findElement(By.cssSelector("button[data-op='restart']")).click();
        waitFor("a new pid after restart", () -> state("hello").equals("running")
                && !text(row("hello"), ".pid").equals(pidBefore) && text(row("hello"), ".pid").matches("\\d+"));
        long restartMillis = (System.nanoTime() - clickedAt) / 1_000_000;
        waitFor("the restart's outcome", () -> text(row("hello"), ".op").startsWith("✓ restarted"));

        // --- kill -9 the module: crashed/restarting, then running again, without a reload ---
        long killed = Long.parseLong(text(row("hello"), ".pid"));
        int eventsBefore = latencies().size();
        assertTrue(ProcessHandle.of(killed).map(ProcessHandle::destroyForcibly).orElse(false), "kill -9 " + killed);
        waitFor("hello respawned", () -> state("hello").equals("running")
                && !text(row("hello"), ".pid").equals(String.valueOf(killed)));
        List<String> seen = latencies().subList(eventsBefore, latencies().size()).stream()
                .filter(e -> "hello".equals(e.get("shortName"))).map(e -> String.valueOf(e.get("state"))).toList();
        assertTrue(seen.contains("restarting") || seen.contains("crashed"), "states pushed after the kill: " + seen);
        assertEquals("running", seen.get(seen.size() - 1), seen.toString());
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__sameDocument === true"));

        // --- a log pane: the tail, then a line the module prints now ---
        row("hello").findElement(By.cssSelector("button[data-op='logs']")).click();
        waitFor("the log tail", () -> text(row("hello"), ".logtext").contains("hello listening on"));
        String marker = "/ping-" + System.nanoTime();
        // the sample module logs every request (404 here); the respawned one may still be binding its port
        Poll.require(UI_WAIT, "hello answering on " + helloPort, () -> httpGet("http://127.0.0.1:" + helloPort + marker) == 404);
        waitFor("the new log line", () -> text(row("hello"), ".logtext").contains(marker));
        Object download = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('tbody[data-short=hello] a[download]').href)"
                + ".then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-disposition') + ' ' + t.includes('" + marker + "'))));");
        assertEquals("200 attachment; filename=\"hello.log\" true", download);
        screenshot("dashboard.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        screenshot("dashboard-narrow.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));

        // --- refusals ---
        Object noCsrf = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('ui/api/modules/hello/stop', {method: 'POST'}).then(r => r.json().then(b => done(r.status + ' ' + b.error)));");
        assertEquals("403 csrf_token_invalid", noCsrf);
        assertEquals("running", state("hello"));
        assertEquals(421, rawStatus("/", "evil.example"));
        assertEquals(421, rawStatus("/api/events", "evil.example"));

        // --- stop the hub: the page says it is reconnecting; start it again on the same port: it recovers ---
        stopHub();
        waitFor("the reconnecting indicator", () -> connection().equals("reconnecting…"));
        startHub(root.resolve("home"));
        waitFor("the page back live", () -> connection().equals("live") && state("hello").equals("running"));
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__sameDocument === true && window.__dashboard.hellos >= 2"));

        List<Map<String, Object>> pushed = latencies(); // before the page is navigated away

        // --- used and expired links are refused, in the browser too ---
        browser.get(link);
        assertTrue(browser.findElement(By.id("signin-message")).getText().contains("already used"));
        long sinceMint = (System.nanoTime() - expiringMintedAt) / 1_000_000;
        if (sinceMint < LOGIN_TTL_MILLIS + 500) {
            Thread.sleep(LOGIN_TTL_MILLIS + 500 - sinceMint);
        }
        browser.get(expiring);
        assertTrue(browser.findElement(By.id("signin-message")).getText().contains("expired"));

        // --- `auth revoke --all-operator` ends the browser session too: the next action finds it signed out ---
        browser.get(base); // the session outlived the refused links
        waitFor("the dashboard again", () -> connection().equals("live") && state("hello").equals("running"));
        CliProcess.Result revoked = cli.run("auth", "revoke", "--all-operator");
        assertTrue(revoked.stdout().contains("and ended 1 dashboard session(s)"), revoked.all());
        row("hello").findElement(By.cssSelector("button[data-op='restart']")).click();
        waitFor("the page signed out", () -> connection().equals("signed out")
                && browser.findElement(By.tagName("main")).getText().contains("parachute dashboard"));
        assertEquals(401, httpGetWithCookie(base + "ui/api/session"));

        report(load, restartMillis, pushed);
    }

    // --- the hub, its modules and the CLI ------------------------------------------------------------------------

    /** hello (the sample module) and broken (a start command that does not exist); returns services.json. */
    private Path register(Path home, int helloPort) throws Exception {
        Path hello = copySampleModule(root.resolve("hello"));
        ServicesRegistry registry = new ServicesRegistry(new HubHome(home).servicesJson());
        Files.createDirectories(home);
        registry.upsert(new ServiceEntry("hello", helloPort, List.of("/hello"), "/health", "0.1.0", "Hello module",
                null, hello.toString(), null, null));
        Path broken = Files.createDirectories(root.resolve("broken/.parachute"));
        Files.writeString(broken.resolve("module.json"), "{\"name\":\"broken\",\"port\":" + FreePorts.find()
                + ",\"paths\":[\"/broken\"],\"health\":\"/health\",\"startCmd\":[\"parachute-no-such-tool\",\"serve\"]}");
        registry.upsert(ServiceEntry.of("broken", FreePorts.find(), List.of("/broken"), "/health", "0.1.0")
                .withInstallDir(broken.getParent().toString()));
        return registry.file();
    }

    /** etc/sample-module, with its module.json, into {@code target}. */
    private static Path copySampleModule(Path target) throws IOException {
        Path source = Path.of(System.getProperty("sample.module", "../etc/sample-module"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private void startHub(Path home) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dparachute.dashboard.loginCodeTtlMillis=" + LOGIN_TTL_MILLIS,
                "-jar", CliProcess.launcherJar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("hub.log").toFile()));
        builder.environment().put("PARACHUTE_HOME", home.toString());
        builder.environment().put("PORT", Integer.toString(port));
        hub = reaper.track(builder.start());
        Poll.require(HUB_WAIT, "the hub's /health on " + port, () -> hub.isAlive() && httpGet("http://127.0.0.1:" + port + "/health") == 200);
    }

    private void stopHub() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            hub.destroy(); // SIGTERM: modules stop, then the hub
            if (!hub.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    private String link() throws Exception {
        CliProcess.Result result = cli.run("dashboard", "--no-open");
        assertEquals(0, result.code(), result.all());
        List<String> lines = result.stdout().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("http://127.0.0.1:" + port + "/login?code="), result.all());
        return last;
    }

    // --- the browser ---------------------------------------------------------------------------------------------

    private ChromeDriver startBrowser() throws IOException {
        // the system driver, named outright: Selenium Manager never runs, nothing is downloaded
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,860",
                "--user-data-dir=" + Files.createDirectories(root.resolve("chromium-profile")));
        return new ChromeDriver(service, options);
    }

    private WebElement row(String shortName) {
        return browser.findElement(By.cssSelector("tbody.module[data-short='" + shortName + "']"));
    }

    private static String text(WebElement scope, String css) {
        return scope.findElement(By.cssSelector(css)).getAttribute("textContent").strip();
    }

    private String state(String shortName) {
        return text(row(shortName), ".state");
    }

    private String connection() {
        return browser.findElement(By.id("conn")).getText().strip();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> latencies() {
        return (List<Map<String, Object>>) browser.executeScript("return window.__dashboard.latencies");
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, UI_WAIT).withMessage(what).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("screenshot.dir", "target")).resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Loads the page afresh and reads Navigation/Paint/Resource Timing and the page's own "live at" mark. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> measureLoad(String base) {
        // a first visit's cost: nothing from the cache (revalidated files would report no body bytes)
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.get(base);
        waitFor("the reloaded page live", () -> connection().equals("live")
                && Boolean.TRUE.equals(browser.executeScript("return window.__dashboard.connectedAt !== null")));
        Map<String, Object> load = (Map<String, Object>) browser.executeScript(String.join("\n",
                "const nav = performance.getEntriesByType('navigation')[0];",
                "const resources = performance.getEntriesByType('resource');",
                "const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));",
                "const bytes = (e) => e.decodedBodySize || 0;",
                "return { pageBytes: bytes(nav) + resources.reduce((s, r) => s + bytes(r), 0),",
                "  files: 1 + resources.length, firstPaint: paint['first-paint'], firstContentfulPaint: paint['first-contentful-paint'],",
                "  responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, live: window.__dashboard.connectedAt };"));
        browser.executeScript("window.__sameDocument = true;");
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        assertTrue(((Number) load.get("pageBytes")).longValue() > 10_000, load.toString()); // the numbers are real
        assertTrue(((Number) load.get("pageBytes")).longValue() < 100_000, "the whole page must stay under 100 KB: " + load);
        return load;
    }

    private void report(Map<String, Object> load, long restartMillis, List<Map<String, Object>> pushed) throws IOException {
        List<Long> latency = new ArrayList<>();
        for (Map<String, Object> event : pushed) {
            latency.add(((Number) event.get("ms")).longValue());
        }
        latency.sort(Long::compare);
        String lines = String.join("\n",
                "dashboard page weight (decoded bytes, html+css+js): " + load.get("pageBytes") + " in " + load.get("files") + " files",
                "first paint ms: " + load.get("firstPaint") + ", first contentful paint ms: " + load.get("firstContentfulPaint"),
                "DOMContentLoaded ms: " + load.get("domContentLoaded") + ", events connected (hello rendered) ms: " + load.get("live"),
                "event latency (supervisor change -> DOM updated) ms over " + latency.size() + " events: median "
                        + latency.get(latency.size() / 2) + ", max " + latency.get(latency.size() - 1),
                "restart click -> new pid in the row ms: " + restartMillis, "");
        System.out.print(lines);
        Files.writeString(Path.of(System.getProperty("screenshot.dir", "target")).resolve("dashboard-metrics.txt"), lines);
    }

    // --- plain HTTP ----------------------------------------------------------------------------------------------

    private static int httpGet(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** The browser's own session cookie, sent from here: what a revoked session gets. */
    private int httpGetWithCookie(String url) throws IOException {
        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("parachute_session_" + port);
        assertTrue(cookie != null && cookie.isHttpOnly(), "the session cookie is HttpOnly: " + cookie);
        assertEquals("Strict", cookie.getSameSite());
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestProperty("Cookie", cookie.getName() + "=" + cookie.getValue());
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** A request with a Host header of our choosing (HttpURLConnection would not send it); the status code. */
    private int rawStatus(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
