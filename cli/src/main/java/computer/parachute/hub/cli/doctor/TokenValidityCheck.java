package computer.parachute.hub.cli.doctor;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.OperatorTokenUse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The operator token's claims as the CLI will present them: not expired (under 7 days left is a warning — the CLI
 * rotates it then), issued for an origin this hub accepts. The signature and the allow-list are the hub's to judge;
 * a token the hub refuses shows up in {@code hub.reachable}'s module read instead.
 */
final class TokenValidityCheck implements Check {
    private static final long MAX_TOKEN_BYTES = 16 * 1024;

    @Override public String id() { return "token.claims"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        Path file = context.home().operatorToken();
        if (!Files.isRegularFile(file)) {
            return List.of(); // token.file says so
        }
        DecodedJWT token;
        try {
            if (Files.size(file) > MAX_TOKEN_BYTES) {
                return List.of(rotate(context, file + " is larger than any operator token (" + Files.size(file) + " bytes)"));
            }
            token = JWT.decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return List.of(Finding.fail(id(), "cannot read " + file + ": " + e.getMessage(), "ls -l " + file));
        } catch (JWTDecodeException e) {
            return List.of(rotate(context, file + " does not hold a token (" + e.getMessage() + ")"));
        }
        Instant now = context.env().clock().instant();
        Instant expires = token.getExpiresAtAsInstant();
        if (expires != null && !expires.isAfter(now)) {
            return List.of(rotate(context, "the operator token expired at " + expires));
        }
        Set<String> issuers = HubOrigins.acceptedIssuers(context.hubPort(), context.env().env());
        String issuer = token.getIssuer() == null ? "" : HubOrigins.normalize(token.getIssuer());
        if (!issuers.contains(issuer)) {
            return List.of(rotate(context, "the operator token was issued by " + token.getIssuer()
                    + ", which the hub on port " + context.hubPort() + " does not accept"));
        }
        if (expires != null && expires.isBefore(now.plus(OperatorTokenUse.AUTO_ROTATE_WINDOW))) {
            return List.of(Finding.warn(id(), "the operator token expires at " + expires + " (the next CLI call rotates it)",
                    TokenFileCheck.ROTATE).fixable(TokenFileCheck::rotate));
        }
        return List.of(Finding.ok(id(), "operator token valid until " + expires + ", issuer " + token.getIssuer()));
    }

    private Finding rotate(DoctorContext context, String message) {
        return Finding.fail(id(), message, TokenFileCheck.ROTATE).fixable(TokenFileCheck::rotate);
    }
}
