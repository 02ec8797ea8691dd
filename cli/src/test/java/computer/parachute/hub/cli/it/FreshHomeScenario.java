package computer.parachute.hub.cli.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A fresh PARACHUTE_HOME and hub port per test; whatever hub the test started is SIGKILLed by its recorded pid. */
abstract class FreshHomeScenario {
    @TempDir
    Path root;
    CliProcess cli;

    @BeforeEach
    void freshHome() throws Exception {
        cli = new CliProcess(root.resolve("home"), CliProcess.freePort());
    }

    @AfterEach
    void killRecordedHub() {
        cli.killRecordedHub();
    }
}
