package computer.parachute.hub.proxy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubCookiesTest {
    @Test
    void theHubsSessionCookiesAreRemovedAndEveryOtherCookieKeptInOrder() {
        assertEquals("a=1; theme=dark", HubCookies.withoutHubCookies(
                "a=1; parachute_session_1939=secret;theme=dark; parachute_session_40000=other"));
        assertNull(HubCookies.withoutHubCookies("parachute_session_1939=secret"));
        assertNull(HubCookies.withoutHubCookies(null));
        assertEquals("parachute_theme=1", HubCookies.withoutHubCookies("parachute_theme=1"));
    }

    @Test
    void aSetCookieNamingTheHubsSessionIsRecognised() {
        assertTrue(HubCookies.isHubCookie("parachute_session_1939=x; Path=/; HttpOnly"));
        assertTrue(HubCookies.isHubCookie(" parachute_session_1=x"));
        assertFalse(HubCookies.isHubCookie("session=parachute_session_1939"));
    }
}
