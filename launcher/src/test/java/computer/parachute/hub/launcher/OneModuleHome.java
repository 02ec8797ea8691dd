package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.TestModules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A PARACHUTE_HOME whose services.json registers one test module (core's testmodule.py) on {@code port}. */
final class OneModuleHome {
    private OneModuleHome() {}

    static void install(Path home, Path modulesDir, String name, int port) throws IOException {
        Path dir = TestModules.installDir(Files.createDirectories(modulesDir), name);
        String cmd = String.join("\", \"", TestModules.command(dir));
        Files.createDirectories(dir.resolve(".parachute"));
        Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\": \"" + name + "\", \"port\": " + port
                + ", \"paths\": [\"/" + name + "\"], \"health\": \"/health\", \"startCmd\": [\"" + cmd + "\"]}");
        Files.writeString(home.resolve("services.json"), "{\"services\": [{\"name\": \"" + name + "\", \"port\": "
                + port + ", \"paths\": [\"/" + name + "\"], \"health\": \"/health\", \"version\": \"0.0.1\","
                + " \"installDir\": \"" + dir + "\"}]}");
    }
}
