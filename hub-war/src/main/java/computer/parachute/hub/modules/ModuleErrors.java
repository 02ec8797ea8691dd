package computer.parachute.hub.modules;

import computer.parachute.hub.api.HubApiException;

/** The module-ops failures of DESIGN §6, with the reference's wording (§3.4), in one place. */
final class ModuleErrors {
    private ModuleErrors() {}

    static HubApiException invalidModule(String shortName) {
        String shown = shortName.length() > 80 ? shortName.substring(0, 80) + "…" : shortName;
        return new HubApiException(400, "invalid_module", "\"" + shown.replaceAll("\\p{Cntrl}", "?")
                + "\" is not a module name (lower-case letters, digits, '.', '_' and '-', at most 64 characters)");
    }

    /** A row the hub will not run (reserved name, the hub's own port): the operator must edit services.json. */
    static HubApiException refusedRow(String reason) {
        return new HubApiException(400, "invalid_module", reason);
    }

    static HubApiException notInstalled(String shortName) {
        return new HubApiException(400, "not_installed", shortName + " is not installed (no services.json entry) — install it first with `parachute install <dir>`");
    }

    static HubApiException noStartCmd(String description) {
        return new HubApiException(422, "no_start_cmd", description);
    }

    static HubApiException notSupervised(String shortName) {
        return new HubApiException(404, "not_supervised", shortName + " is not currently supervised — install or start it first");
    }

    static HubApiException unknown(String shortName) {
        return new HubApiException(404, "not_found", shortName + " is neither installed nor supervised");
    }

    static HubApiException failed(String shortName, String op, Exception cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new HubApiException(500, "module_op_failed", shortName + " " + op + " failed: " + message);
    }

    /**
     * services.json does not parse (or a row is invalid): 409, the registry's state conflicts with the request — the
     * client did nothing wrong, and the operator's fix is in the message (which names the file).
     */
    static HubApiException registryInvalid(String problem) {
        return new HubApiException(409, "registry_invalid", problem);
    }
}
