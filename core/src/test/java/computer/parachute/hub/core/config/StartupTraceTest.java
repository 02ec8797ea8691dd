package computer.parachute.hub.core.config;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupTraceTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theFirstFinishPrintsEveryPhaseInOrderOnceWithTimesSinceTheOrigin() {
        StartupTrace trace = new StartupTrace(true, System.nanoTime(), out);
        trace.record("launcher main");
        trace.record("Jetty built");
        trace.finish("first request answered");
        trace.finish("first request answered");
        trace.record("late");
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(5, lines.size(), text);
        assertTrue(lines.get(0).startsWith("parachute hub: start-up trace"), text);
        assertTrue(lines.get(1).endsWith("JVM start") && lines.get(2).endsWith("launcher main")
                && lines.get(3).endsWith("Jetty built") && lines.get(4).endsWith("first request answered"), text);
        for (String line : lines.subList(1, 5)) {
            assertTrue(line.strip().matches("\\d+ +[+]\\d+ {2}cpu +-?\\d+ {2}.+"), line);
        }
    }

    @Test
    void offItRecordsAndPrintsNothing() {
        StartupTrace trace = new StartupTrace(false, 0, out);
        trace.record("launcher main");
        trace.finish("first request answered");
        assertEquals(0, bytes.size());
    }

    @Test
    void marksAreBoundedAndTheSwitchTakesCommonSpellings() {
        StartupTrace trace = new StartupTrace(true, System.nanoTime(), out);
        for (int i = 0; i < StartupTrace.MAX_MARKS + 10; i++) {
            trace.record("phase " + i);
        }
        assertEquals(StartupTrace.MAX_MARKS + 1, trace.table().lines().count() - 1);
        assertTrue(StartupTrace.enabledBy("1") && StartupTrace.enabledBy(" TRUE ") && StartupTrace.enabledBy("on"));
        assertFalse(StartupTrace.enabledBy(null) || StartupTrace.enabledBy("0") || StartupTrace.enabledBy(""));
    }

    @Test
    void procGivesThisProcessCpuTimeAndAnAgeOnTheUptimeClock() throws Exception {
        long busyUntil = System.nanoTime() + 50_000_000L;
        long spin = 0;
        while (System.nanoTime() < busyUntil) {
            spin++;
        }
        long cpu = ProcStat.processCpuMillis();
        long age = ProcStat.processAgeNanos();
        assertTrue(spin > 0 && cpu >= 40, "cpu " + cpu);
        // this JVM has been up at least as long as it has spun, and its age is within /proc's ticks of the JVM's own
        long jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(age >= 50_000_000L && Math.abs(age / 1_000_000 - jvmUptime) < 300, "age " + age + " uptime " + jvmUptime);
    }
}
