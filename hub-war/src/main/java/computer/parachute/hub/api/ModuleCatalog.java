package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleView;
import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Body of {@code GET /api/modules}. */
public record ModuleCatalog(List<ModuleView> modules, @JsonbProperty("supervisor_available") boolean supervisorAvailable) {}
