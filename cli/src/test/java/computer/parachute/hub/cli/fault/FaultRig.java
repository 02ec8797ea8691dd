package computer.parachute.hub.cli.fault;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The suite's world: a PARACHUTE_HOME with eleven modules registered in services.json (each a copy of the stdlib
 * test module in its own install dir, its misbehaviour in {@code <short>/.env}), the hub under test, its API and
 * CLI, and the process census. {@link #canonicalServices()} is the registry as the test last wrote it.
 */
final class FaultRig {
    /** The module set: name and role. Two of each awkward kind where it matters for concurrency. */
    static final Map<String, ModuleRole> MODULES = modules();

    final Path root;
    final Path home;
    final Path modulesDir;
    final int hubPort = FreePorts.find();
    final List<FaultModule> modules = new ArrayList<>();
    final ProcessReaper reaper = new ProcessReaper();
    final HubApi api;
    final HubRunner hub;
    final FaultCli cli;
    final ProcessCensus census;
    /** The spawn ids of every module an earlier hub generation ran: none may be alive once a later hub has booted. */
    final Set<String> earlierGenerationSpawns = new HashSet<>();
    /** Processes the test started itself under the modules dir (lookalike squatters): never the hub's. */
    final Set<Long> foreign = ConcurrentHashMap.newKeySet();
    private String canonicalServices;

    FaultRig(Path root) throws IOException {
        this.root = root;
        this.home = Files.createDirectories(root.resolve("home"));
        this.modulesDir = Files.createDirectories(root.resolve("modules"));
        this.api = new HubApi(hubPort, home.resolve("operator.token"));
        this.hub = new HubRunner(home, root.resolve("hub-logs"), hubPort, api, reaper);
        this.cli = new FaultCli(home, root.resolve("cli-scratch"), hubPort);
        this.census = new ProcessCensus(modulesDir, foreign);
        Set<Integer> ports = new HashSet<>(List.of(hubPort));
        for (Map.Entry<String, ModuleRole> spec : MODULES.entrySet()) {
            int port = FreePorts.find();
            while (!ports.add(port)) {
                port = FreePorts.find();
            }
            modules.add(install(spec.getKey(), port, spec.getValue()));
        }
        writeServices(renderServices());
    }

    private FaultModule install(String shortName, int port, ModuleRole role) throws IOException {
        Path dir = TestModules.installDir(modulesDir, shortName);
        String startCmd = TestModules.command(dir).stream().map(FaultRig::quote).collect(Collectors.joining(", "));
        Files.createDirectories(dir.resolve(".parachute"));
        Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\": " + quote(shortName) + ", \"port\": " + port
                + ", \"paths\": [\"/" + shortName + "\"], \"health\": \"/health\", \"startCmd\": [" + startCmd + "]}\n");
        Path envFile = Files.createDirectories(home.resolve(shortName)).resolve(".env");
        StringBuilder env = new StringBuilder("TM_ECHO=" + shortName + "\n");
        role.env.forEach((key, value) -> env.append(key).append('=').append(value).append('\n'));
        Files.writeString(envFile, env.toString());
        return new FaultModule(shortName, port, dir, role);
    }

    private String renderServices() {
        return modules.stream().map(m -> "    {\"name\": " + quote(m.shortName()) + ", \"port\": " + m.port()
                        + ", \"paths\": [\"/" + m.shortName() + "\"], \"health\": \"/health\", \"version\": \"0.0.1\","
                        + " \"installDir\": " + quote(m.installDir().toString()) + "}")
                .collect(Collectors.joining(",\n", "{\n  \"services\": [\n", "\n  ]\n}\n"));
    }

    /** Writes the registry atomically (temp + rename) and remembers it as what the file must hold. */
    void writeServices(String content) throws IOException {
        canonicalServices = content;
        AtomicFiles.writeString(servicesFile(), content);
    }

    void restoreServices() throws IOException {
        AtomicFiles.writeString(servicesFile(), canonicalServices);
    }

    String canonicalServices() {
        return canonicalServices;
    }

    String servicesOnDisk() throws IOException {
        return Files.readString(servicesFile(), StandardCharsets.UTF_8);
    }

    Path servicesFile() {
        return home.resolve("services.json");
    }

    FaultModule module(String shortName) {
        return modules.stream().filter(m -> m.shortName().equals(shortName)).findFirst().orElseThrow();
    }

    List<FaultModule> withRole(ModuleRole... roles) {
        Set<ModuleRole> wanted = Set.of(roles);
        return modules.stream().filter(m -> wanted.contains(m.role())).collect(Collectors.toList());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, ModuleRole> modules() {
        Map<String, ModuleRole> set = new LinkedHashMap<>();
        set.put("plain1", ModuleRole.PLAIN);
        set.put("plain2", ModuleRole.PLAIN);
        set.put("plain3", ModuleRole.PLAIN);
        set.put("plain4", ModuleRole.PLAIN);
        set.put("stubborn1", ModuleRole.IGNORES_TERM);
        set.put("stubborn2", ModuleRole.IGNORES_TERM);
        set.put("mute", ModuleRole.NEVER_BINDS);
        set.put("crashy", ModuleRole.CRASHES_AT_START);
        set.put("nested1", ModuleRole.GRANDCHILD);
        set.put("nested2", ModuleRole.GRANDCHILD_IGNORES_TERM);
        set.put("daemon1", ModuleRole.DAEMONIZES);
        return java.util.Collections.unmodifiableMap(set);
    }
}
