package computer.parachute.hub.proxy;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.StartError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleAnswerTest {
    private static ModuleSnapshot crashed(StartError error) {
        return new ModuleSnapshot("vault", "crashed", null, null, 3, 1, Instant.EPOCH, error, false);
    }

    @Test
    void aMissingDependencyNamesTheBinaryAndTheFix() {
        ModuleAnswer answer = ModuleAnswer.unavailable("vault", crashed(
                new StartError("missing_dependency", "parachute-vault not found on PATH", "parachute-vault", Instant.EPOCH)));
        assertEquals(502, answer.status());
        assertEquals("vault is crashed (missing_dependency: parachute-vault not found on PATH) — install `parachute-vault` "
                + "where the hub's PATH finds it, then `parachute start vault`", answer.description());
        assertTrue(answer.json().contains("\"startError\":{\"type\":\"missing_dependency\""), answer.json());
        assertTrue(answer.json().contains("\"module\":\"vault\",\"state\":\"crashed\""), answer.json());
    }

    @Test
    void aModuleTheSupervisorDoesNotKnowIsStoppedAndStartable() {
        ModuleAnswer answer = ModuleAnswer.unavailable("notes", null);
        assertEquals("stopped", answer.state());
        assertTrue(answer.description().contains("start it with `parachute start notes`"), answer.description());
        assertFalse(answer.html().contains("refresh"), "a 502 page waits for the operator, it does not reload");
    }

    @Test
    void theStartingPageReloadsItselfAndEscapesWhatItShows() {
        ModuleAnswer answer = new ModuleAnswer(503, "module_starting", "a<b", "starting", "x & <y>", null);
        assertTrue(answer.html().contains("<meta http-equiv=\"refresh\" content=\"1\">"), answer.html());
        assertTrue(answer.html().contains("a&lt;b is starting") && answer.html().contains("x &amp; &lt;y&gt;"), answer.html());
        assertTrue(ModuleAnswer.wantsHtml("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
        assertFalse(ModuleAnswer.wantsHtml("application/json"));
        assertFalse(ModuleAnswer.wantsHtml(null));
    }
}
