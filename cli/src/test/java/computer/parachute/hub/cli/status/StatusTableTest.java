package computer.parachute.hub.cli.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reference §6.4 rendering: padding to the widest cell, two-space gaps, trimmed ends, continuation lines in order. */
class StatusTableTest {
    @Test
    void padsEachColumnToItsWidestCellAndTrimsTrailingSpaces() {
        StatusRow vault = new StatusRow("vault", 1940, "1.2.0", "active", 4242L, 75L, null, "first-party",
                "http://127.0.0.1:1940/vault", null, List.of());
        StatusRow hub = new StatusRow("parachute-hub (internal)", 1939, null, "inactive", null, null, null, null,
                null, null, List.of());
        assertEquals(List.of(
                "SERVICE                   PORT  VERSION  STATE     PID   UPTIME  LATENCY  SOURCE",
                "vault                     1940  1.2.0    active    4242  1m      -        first-party",
                "  → http://127.0.0.1:1940/vault",
                "parachute-hub (internal)  1939  -        inactive  -     -       -        -"),
                StatusTable.render(List.of(vault, hub)));
    }

    @Test
    void continuationLinesComeInReferenceOrder() {
        StatusRow row = new StatusRow("scribe", 1943, "0.1", "failing", null, null, null, "unknown",
                "http://127.0.0.1:1943/", "supervisor: crashed", List.of("failed to start: boom"));
        assertEquals(List.of("  → http://127.0.0.1:1943/", "  ! probe: supervisor: crashed", "  ! failed to start: boom"),
                StatusTable.continuation(row));
    }

    @Test
    void probeDetailOnlyForFailingRows() {
        StatusRow row = new StatusRow("scribe", 1943, "0.1", "pending", null, null, null, null, null, "starting", List.of());
        assertEquals(List.of(), StatusTable.continuation(row));
    }

    @Test
    void uptimeFormatsLikeTheReference() {
        assertEquals("59s", Uptimes.format(59));
        assertEquals("59m", Uptimes.format(3_599));
        assertEquals("1h 1m", Uptimes.format(3_660));
        assertEquals("2d 3h", Uptimes.format(2 * 86_400 + 3 * 3_600 + 59));
    }
}
