package computer.parachute.hub.cli.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * One detached hub (the real CLI jar's {@code start hub}) shared by a class's tests, in a home of its own, and
 * SIGKILLed by its recorded pid after the class. Test classes run one after another (no parallel execution is
 * configured), so the static fields belong to the class running now.
 */
abstract class RunningHubScenario {
    @TempDir
    static Path root;
    static CliProcess cli;

    @BeforeAll
    static void startHub() throws Exception {
        cli = CliProcess.withRunningHub(root);
    }

    @AfterAll
    static void stopHub() {
        if (cli != null) {
            cli.killRecordedHub();
        }
    }
}
