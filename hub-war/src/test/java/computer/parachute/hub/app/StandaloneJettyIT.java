package computer.parachute.hub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * DESIGN §10: target/hub.war in a stock Jetty 12 distribution (jetty-home, unpacked by the pom) deploys, serves the
 * API, runs its module, undeploys without leaks, redeploys to exactly one module process and stops with the
 * container ({@link DropInScenario}).
 */
class StandaloneJettyIT {
    @TempDir
    Path dir;

    @Test
    void stockJettyDeploysUndeploysAndRedeploysTheHubWithoutLeaks() throws Exception {
        StandaloneJetty jetty = StandaloneJetty.prepare(Path.of(StandaloneSystemProperties.required("jetty.home")), dir);
        DropInScenario.prepare(dir, Path.of(StandaloneSystemProperties.required("hub.war")), jetty).run();
    }
}
