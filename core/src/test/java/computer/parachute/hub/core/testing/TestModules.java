package computer.parachute.hub.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stdlib-only Python test module ({@code testmodule/testmodule.py} on the test classpath; see its docstring for
 * the {@code TM_*} environment switches). Usable from any module's tests through core's test-jar.
 */
public final class TestModules {
    public static final String RESOURCE = "/testmodule/testmodule.py";
    public static final String SCRIPT_NAME = "testmodule.py";
    private static final long PYTHON_LOOKUP_TIMEOUT_SECONDS = 10;
    private static final long DAEMON_ANNOUNCE_SECONDS = 15;
    private static final String DAEMON_ANNOUNCE = "testmodule daemon pid=";

    private static Path python;

    private TestModules() {}

    /**
     * A fresh install directory under {@code parent} holding a copy of the script: each module gets its own, so
     * "its install dir appears in the command line" tells modules apart.
     */
    public static Path installDir(Path parent, String name) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        try (InputStream in = TestModules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the test classpath (depend on core's test-jar)");
            }
            Files.copy(in, dir.resolve(SCRIPT_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** argv that runs the script in {@code installDir} with the real interpreter (not a pyenv shim: faster, stable argv). */
    public static List<String> command(Path installDir, String... extraArgs) {
        List<String> cmd = new ArrayList<>(List.of(python(), installDir.resolve(SCRIPT_NAME).toString()));
        cmd.addAll(List.of(extraArgs));
        return List.copyOf(cmd);
    }

    /**
     * The daemon's pid announced on {@code stdout} by a {@code TM_DAEMONIZE=1} module ("testmodule daemon pid=N"),
     * read for at most {@code DAEMON_ANNOUNCE_SECONDS}.
     */
    public static long daemonPid(InputStream stdout) {
        CompletableFuture<Long> pid = CompletableFuture.supplyAsync(() -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(DAEMON_ANNOUNCE)) {
                        return Long.parseLong(line.substring(DAEMON_ANNOUNCE.length()).trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the module ended without announcing a daemon");
        });
        try {
            return pid.get(DAEMON_ANNOUNCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no daemon announced within " + DAEMON_ANNOUNCE_SECONDS + " s: " + e, e);
        }
    }

    public static long daemonPid(Process module) {
        return daemonPid(module.getInputStream());
    }

    /** Absolute path of the Python 3 interpreter ({@code sys.executable} of {@code python3}), looked up once. */
    public static synchronized String python() {
        if (python == null) {
            python = Path.of(lookUpPython());
        }
        return python.toString();
    }

    private static String lookUpPython() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(PYTHON_LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 did not report sys.executable: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("python3 is needed by the test module: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up python3", e);
        }
    }
}
