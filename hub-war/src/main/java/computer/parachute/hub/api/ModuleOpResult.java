package computer.parachute.hub.api;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import jakarta.json.bind.annotation.JsonbProperty;

/** Body of a start or restart: the module's state once the readiness gate is done. */
public record ModuleOpResult(@JsonbProperty("short") String shortName, ModuleSnapshot state) {}
