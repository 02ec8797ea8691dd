package computer.parachute.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supervisor issue: after {@code kill -9} of the hub its modules live on as orphans (own sessions); a new hub on the
 * same PARACHUTE_HOME and port reaps them through hub.db's child records before its boot spawns, so afterwards
 * each module runs exactly once, each port answers, and the new hub neither loops on EADDRINUSE nor calls its
 * predecessor's children squatters.
 */
class HubKill9IT {
    private static final Duration BOOT = Duration.ofSeconds(40);
    private static final Pattern HEALTH_PID = Pattern.compile("\"pid\": (\\d+)");
    /** A plain module, one that ignores SIGTERM (the reaper must escalate), one whose listener is a grandchild. */
    private static final Map<String, Map<String, String>> MODULES = modules();

    @TempDir
    Path temp;
    private final ProcessReaper reaper = new ProcessReaper();
    private Path modulesDir;

    @AfterEach
    void reapEverything() {
        reaper.close();
        if (modulesDir != null) {
            moduleProcesses().keySet().forEach(ProcessReaper::kill);
        }
    }

    @Test
    void aRestartedHubReapsTheOrphansOfAKilledOneAndRunsEachModuleOnce() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        modulesDir = Files.createDirectories(temp.resolve("modules"));
        Map<String, Integer> ports = install(home);
        int hubPort = FreePorts.find();

        HubProcess first = HubProcess.start(home, Integer.toString(hubPort), hubPort, Map.of());
        reaper.track(first.process);
        first.awaitHealthy();
        Map<String, Long> before = awaitListeners(ports, Map.of());
        first.process.destroyForcibly();
        assertTrue(first.process.waitFor(HubProcess.EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(before, awaitListeners(ports, Map.of()), "the modules outlive a kill -9 of their hub");

        HubProcess second = HubProcess.start(home, Integer.toString(hubPort), hubPort, Map.of());
        reaper.track(second.process);
        second.awaitHealthy();
        Map<String, Long> after = awaitListeners(ports, before);

        before.forEach((name, pid) -> assertFalse(alive(pid), name + "'s orphan " + pid + " is still alive"));
        Map<String, Set<Long>> groups = groupsByModule();
        for (String name : MODULES.keySet()) {
            assertEquals(1, groups.getOrDefault(name, Set.of()).size(), name + " instances: " + groups);
            assertNotEquals(before.get(name), after.get(name));
        }
        String log = second.output();
        assertFalse(log.contains("EADDRINUSE") || log.contains("Address already in use"), log);
        assertFalse(log.contains("port_squatter") || log.contains("outside the supervisor"), log);
        for (String name : MODULES.keySet()) {
            assertTrue(log.contains("[supervisor] " + name + ": reaping ")
                    && log.contains("[supervisor] reaped " + name + " (pid "), name + " not reaped: " + log);
        }
    }

    /** Waits until every module's port answers /health from a pid not in {@code old}; returns name → that pid. */
    private static Map<String, Long> awaitListeners(Map<String, Integer> ports, Map<String, Long> old) {
        Map<String, Long> pids = new HashMap<>();
        Poll.require(BOOT, "every module answering " + (old.isEmpty() ? "" : "from a new pid"), () -> {
            ports.forEach((name, port) -> healthPid(port).filter(pid -> !pid.equals(old.get(name)))
                    .ifPresent(pid -> pids.put(name, pid)));
            return pids.keySet().containsAll(ports.keySet());
        });
        return pids;
    }

    private static java.util.Optional<Long> healthPid(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try (var in = connection.getInputStream()) {
                Matcher pid = HEALTH_PID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return pid.find() ? java.util.Optional.of(Long.parseLong(pid.group(1))) : java.util.Optional.empty();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private Map<String, Integer> install(Path home) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> module : MODULES.entrySet()) {
            String name = module.getKey();
            int port = FreePorts.find();
            ports.put(name, port);
            Path dir = TestModules.installDir(modulesDir, name);
            String cmd = String.join("\", \"", TestModules.command(dir));
            Files.createDirectories(dir.resolve(".parachute"));
            Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\": \"" + name + "\", \"port\": " + port
                    + ", \"paths\": [\"/" + name + "\"], \"health\": \"/health\", \"startCmd\": [\"" + cmd + "\"]}");
            StringBuilder env = new StringBuilder();
            module.getValue().forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
            Files.writeString(Files.createDirectories(home.resolve(name)).resolve(".env"), env.toString());
            rows.append(rows.length() == 0 ? "" : ",").append("{\"name\": \"").append(name).append("\", \"port\": ")
                    .append(port).append(", \"paths\": [\"/").append(name).append("\"], \"health\": \"/health\",")
                    .append(" \"version\": \"0.0.1\", \"installDir\": \"").append(dir).append("\"}");
        }
        Files.writeString(home.resolve("services.json"), "{\"services\": [" + rows + "]}");
        return ports;
    }

    /** Live module processes (pid → module) by their script under this test's modules dir; zombies excluded. */
    private Map<Long, String> moduleProcesses() {
        Map<Long, String> found = new HashMap<>();
        String prefix = modulesDir.toAbsolutePath() + "/";
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                String cmdline = read(dir.resolve("cmdline")).replace('\0', ' ');
                int at = cmdline.indexOf(prefix);
                long pid = Long.parseLong(dir.getFileName().toString());
                if (at >= 0 && alive(pid)) {
                    String rest = cmdline.substring(at + prefix.length());
                    found.put(pid, rest.substring(0, Math.max(0, rest.indexOf('/'))));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private Map<String, Set<Long>> groupsByModule() {
        Map<String, Set<Long>> groups = new HashMap<>();
        moduleProcesses().forEach((pid, name) -> {
            String[] stat = statFields(pid);
            if (stat.length > 2) {
                groups.computeIfAbsent(name, k -> new TreeSet<>()).add(Long.parseLong(stat[2]));
            }
        });
        return groups;
    }

    /** Alive and not a zombie (an orphan's zombie waits for init, which may be slow in a container). */
    private static boolean alive(long pid) {
        String[] stat = statFields(pid);
        return stat.length > 0 && !"Z".equals(stat[0]);
    }

    /** /proc/pid/stat after the command name: state, ppid, pgrp, ...; empty when the pid is gone. */
    private static String[] statFields(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.isEmpty() ? new String[0] : stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, Map<String, String>> modules() {
        Map<String, Map<String, String>> modules = new LinkedHashMap<>();
        modules.put("alpha", Map.of());
        modules.put("stubborn", Map.of("TM_IGNORE_TERM", "1"));
        modules.put("nested", Map.of("TM_GRANDCHILD", "1"));
        return modules;
    }
}
