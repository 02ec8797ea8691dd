package computer.parachute.hub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Issue 14: target/hub.war in a stock Apache Tomcat 11 (the distribution from Maven Central, unpacked by the pom)
 * deploys, serves the API, runs its module, undeploys without leaks, redeploys to exactly one module process and
 * stops with the container ({@link DropInScenario}).
 */
class StandaloneTomcatIT {
    @TempDir
    Path dir;

    @Test
    void stockTomcatDeploysUndeploysAndRedeploysTheHubWithoutLeaks() throws Exception {
        StandaloneTomcat tomcat = StandaloneTomcat.prepare(Path.of(StandaloneSystemProperties.required("tomcat.home")), dir);
        DropInScenario.prepare(dir, Path.of(StandaloneSystemProperties.required("hub.war")), tomcat).run();
    }
}
