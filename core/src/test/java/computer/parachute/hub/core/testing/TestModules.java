package computer.parachute.hub.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stdlib-only Python test module ({@code testmodule/testmodule.py} on the test classpath; see its docstring for
 * the {@code TM_*} environment switches). Usable from any module's tests through core's test-jar.
 */
public final class TestModules {
    public static final String RESOURCE = "/testmodule/testmodule.py";
    public static final String SCRIPT_NAME = "testmodule.py";
    private static final long PYTHON_LOOKUP_TIMEOUT_SECONDS = 10;

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
