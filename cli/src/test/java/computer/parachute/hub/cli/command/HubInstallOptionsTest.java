package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sudo parachute hub install} says it makes root's hub and how to make the user's instead. */
class HubInstallOptionsTest {
    @TempDir
    Path root;

    @Test
    void underSudoTheRootUnitAndTheAlternativesAreNamed() {
        FakeEnvironment env = new FakeEnvironment(root);
        env.env.put("SUDO_USER", "alice");
        assertEquals(0, env.run("hub", "install"));
        assertTrue(env.stderr().contains("run with sudo: this installs a system unit that runs the hub as root, with"
                + " PARACHUTE_HOME=" + env.home.root()), env.stderr());
        assertTrue(env.stderr().contains("`sudo parachute hub install --user alice`"), env.stderr());
    }

    @Test
    void withUserOrWithoutSudoThereIsNoNote() {
        FakeEnvironment plain = new FakeEnvironment(root);
        assertEquals(0, plain.run("hub", "install"));
        assertFalse(plain.stderr().contains("run with sudo"), plain.stderr());
        FakeEnvironment chosen = new FakeEnvironment(root);
        chosen.env.put("SUDO_USER", "alice");
        assertEquals(0, chosen.run("hub", "install", "--user", "alice"));
        assertFalse(chosen.stderr().contains("run with sudo"), chosen.stderr());
    }
}
