package computer.parachute.hub.cli.fault;

import java.nio.file.Path;

/** One of the suite's eleven modules: short name, services.json port, install dir (its copy of testmodule.py), role. */
record FaultModule(String shortName, int port, Path installDir, ModuleRole role) {}
