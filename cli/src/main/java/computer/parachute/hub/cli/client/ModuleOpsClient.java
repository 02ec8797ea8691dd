package computer.parachute.hub.cli.client;

import computer.parachute.hub.core.token.OperatorTokenException;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;

/** The hub's module-ops API as the CLI uses it (DESIGN §6, reference §4.5). */
public interface ModuleOpsClient {
    /** {@code POST /api/modules/{short}/{op}} with op start, stop or restart; the 2xx body. */
    JsonObject operate(String shortName, String op) throws OperatorTokenException, ModuleOpHttpException;

    /** {@code GET /api/modules/{short}}: the module, or empty when it is neither installed nor supervised (404). */
    Optional<ModuleSnapshot> module(String shortName) throws OperatorTokenException, ModuleOpHttpException;

    /** {@code GET /api/modules}: every installed and supervised module. */
    List<ModuleSnapshot> modules() throws OperatorTokenException, ModuleOpHttpException;

    /** {@code POST /api/dashboard/login-link}: a one-time dashboard login link ({@code url}, {@code expires_in}). */
    JsonObject loginLink() throws OperatorTokenException, ModuleOpHttpException;
}
