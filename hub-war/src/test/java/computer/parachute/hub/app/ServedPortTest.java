package computer.parachute.hub.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: no PORT means "not known yet" until a request arrives, never 1939; a given PORT is known at once. */
class ServedPortTest {
    @Test
    void noPortGivenIsUnknownUntilTheFirstRequestTeachesItOnce() {
        ServedPort served = ServedPort.configured(0);
        List<Integer> told = new ArrayList<>();
        served.whenKnown(told::add);
        assertFalse(served.isKnown());
        assertEquals(OptionalInt.empty(), served.get());
        assertEquals(List.of(), told);

        served.learn(8080);
        served.learn(9090); // a second connector's request changes nothing
        assertEquals(OptionalInt.of(8080), served.get());
        assertEquals(List.of(8080), told);

        served.whenKnown(told::add);
        assertEquals(List.of(8080, 8080), told, "a late waiter runs at once");
    }

    @Test
    void aGivenPortIsKnownFromTheStart() {
        ServedPort served = ServedPort.configured(41234);
        List<Integer> told = new ArrayList<>();
        served.whenKnown(told::add);
        served.learn(8080);
        assertTrue(served.isKnown());
        assertEquals(List.of(41234), told);
        assertEquals(OptionalInt.of(41234), served.get());
    }

    @Test
    void anUnusableLocalPortTeachesNothing() {
        ServedPort served = ServedPort.configured(0);
        served.learn(-1); // a request whose connector reports no port
        assertFalse(served.isKnown());
    }
}
