package computer.parachute.hub.api;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import jakarta.json.bind.annotation.JsonbProperty;

/** Body of a stop: {@code stopped:false} (and no state) when the module was not supervised. */
public record StopResult(@JsonbProperty("short") String shortName, boolean stopped, ModuleSnapshot state) {}
