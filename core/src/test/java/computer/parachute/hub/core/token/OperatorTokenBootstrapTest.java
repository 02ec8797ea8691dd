package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import computer.parachute.hub.core.home.HubHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorTokenBootstrapTest {
    @TempDir
    Path dir;

    @Test
    void firstStartMintsAnAdminTokenAndLaterStartsLeaveItAlone() throws Exception {
        HubHome home = new HubHome(dir);
        try (TokenFixture fixture = new TokenFixture(dir, MutableClock.atUpstreamPin())) {
            Optional<MintedToken> minted = OperatorTokenBootstrap.ensure(home, fixture.db, TokenFixture.ISSUER,
                    fixture.clock);
            assertTrue(minted.isPresent());
            assertEquals(minted.get().token() + "\n", Files.readString(home.operatorToken()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.operatorToken())));
            assertEquals("admin", JWT.decode(minted.get().token()).getClaim("pa_scope_set").asString());
            assertEquals("hub_bootstrap", fixture.services.registry().find(minted.get().jti()).orElseThrow().createdVia());

            byte[] before = Files.readAllBytes(home.operatorToken());
            assertEquals(Optional.empty(), OperatorTokenBootstrap.ensure(home, fixture.db, TokenFixture.ISSUER,
                    fixture.clock));
            assertArrayEquals(before, Files.readAllBytes(home.operatorToken()), "file byte-identical");
            assertEquals(1, fixture.services.registry().all().size(), "no second mint");
        }
    }

    @Test
    void anEmptyTokenFileCountsAsAbsent() throws Exception {
        HubHome home = new HubHome(dir);
        Files.writeString(home.operatorToken(), "\n");
        try (TokenFixture fixture = new TokenFixture(dir, MutableClock.atUpstreamPin())) {
            assertTrue(OperatorTokenBootstrap.ensure(home, fixture.db, TokenFixture.ISSUER, fixture.clock).isPresent());
        }
    }
}
