"""bench/parachute_java.py: the Java hub as a peer of ../shared/bench (see its README, "Adapters").

The hub runs the way it is shipped: the argv is what `parachute serve --print-command` prints (java, the JVM flags
of core.unit.HubJvmFlags that the unit file and the detached arm use, -jar launcher.jar), Popen'd directly so RSS
and CPU are the hub JVM's alone. Modules are services.json rows whose installDir holds .parachute/module.json with
startCmd = bench.MODULE_CMD; per-module env goes to $PARACHUTE_HOME/<short>/.env (PORT comes from services.json).
The operator token is minted before launch with `parachute auth rotate-operator`, as after any install; lifecycle
ops go through the HTTP API with that token; the CLI metric is `parachute status`.
"""
import http.client
import json
import os
import signal
import subprocess
from pathlib import Path

from bench import MODULE_CMD, NO_NET_ENV, Peer, module_env, port_open, terminate_pid

REPO = Path(__file__).resolve().parent.parent
# Below Linux's ephemeral range (32768-60999). Inside it (47600+ was the first choice), the harness's /health
# poller, which connects to every not-yet-listening port ~100 times a second while the hub boots, now and then
# gets the port itself as its source port: TCP simultaneous open connects the socket to itself, the module's bind
# fails, and after 3 such crashes the hub gives up on it ("not all modules ready", seen in 3 of 4 full-run reps).
MODULE_PORT_DEFAULT = 31600
HUB_PORT_DEFAULT = 31590   # outside the harness's built-in ranges (46901, 47100-47499) and below ours
CLI_TIMEOUT_S = 60
HTTP_TIMEOUT_S = 30
HUB_STOP_GRACE_S = 15

_hub_argv_cache = {}


def short(i):
    return f"bm{i:02d}"


class JavaHubPeer(Peer):
    name = "parachute-java"
    api = "HTTP API + operator token (parachute-java)"
    boots_modules_on_launch = True    # the hub boots every services.json module when it starts
    stop_all_stops_supervisor = True  # stop-all = SIGTERM to the hub, which stops its modules first

    def __init__(self, args):
        self.cli = [str(Path(args.java_cli).resolve())]
        self.launcher = str(Path(args.java_launcher).resolve())
        self.extra_flags = args.java_flags.split()
        self.port = args.java_port
        self.module_port = args.java_module_port
        self.fixed_argv = None
        self.proc = None
        self.token = None
        self.conn = None

    # ---- set-up -----------------------------------------------------------------------------------------------
    def available(self):
        for f in (self.cli[0], self.launcher):
            if not os.path.isfile(f):
                return f"{f} missing: build with `mvn -q -DskipTests package` (bench/run.sh does)"
        return f"hub port {self.port} in use" if port_open(self.port) else None

    def version(self):
        out = subprocess.run([*self.cli, "version"], capture_output=True, text=True, timeout=CLI_TIMEOUT_S).stdout
        return f"{out.strip() or '?'}; hub: {' '.join(self.hub_argv()[1:])}"

    def hub_argv(self):
        """java + HubJvmFlags + -jar launcher.jar, from the CLI (one source of truth for the flags)."""
        if self.fixed_argv:
            return self.fixed_argv
        key = (self.launcher, tuple(self.extra_flags))
        if key not in _hub_argv_cache:
            out = subprocess.run([*self.cli, "serve", "--print-command", "--launcher", self.launcher],
                                 capture_output=True, text=True, timeout=CLI_TIMEOUT_S, check=True).stdout
            argv = out.splitlines()
            jar_at = argv.index("-jar")
            _hub_argv_cache[key] = argv[:jar_at] + self.extra_flags + argv[jar_at:]
        return _hub_argv_cache[key]

    def _env(self):
        return {**os.environ, **NO_NET_ENV, "PARACHUTE_HOME": str(self.home), "PARACHUTE_BIND_HOST": "127.0.0.1",
                "PORT": str(self.port), "PARACHUTE_HUB_PORT": str(self.port)}

    def prepare(self, workdir, n):
        self.workdir, self.home = workdir, workdir / "home"
        self.home.mkdir()
        ports = [self.module_port + i for i in range(n)]
        rows = []
        for i, port in enumerate(ports):
            install = workdir / "modules" / short(i)
            (install / ".parachute").mkdir(parents=True)
            (install / ".parachute" / "module.json").write_text(json.dumps({
                "name": short(i), "port": port, "paths": [f"/{short(i)}"], "health": "/health",
                "version": "0.0.0", "startCmd": MODULE_CMD}))
            rows.append({"name": short(i), "port": port, "paths": [f"/{short(i)}"], "health": "/health",
                         "version": "0.0.0", "installDir": str(install)})
            env_dir = self.home / short(i)
            env_dir.mkdir()
            (env_dir / ".env").write_text("".join(f"{k}={v}\n" for k, v in module_env(i, port).items() if k != "PORT"))
        (self.home / "services.json").write_text(json.dumps({"services": rows}, indent=1))
        subprocess.run([*self.cli, "auth", "rotate-operator"], env=self._env(), check=True, timeout=CLI_TIMEOUT_S,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.token = (self.home / "operator.token").read_text().strip()
        self.hub_argv()  # resolved now, not inside the timed launch
        return ports

    # ---- lifecycle --------------------------------------------------------------------------------------------
    def launch(self):
        self.proc = subprocess.Popen(self.hub_argv(), env=self._env(), cwd=self.workdir, start_new_session=True,
                                     stdout=open(self.workdir / "hub.log", "w"), stderr=subprocess.STDOUT)

    def _request(self, method, path, auth=True, timeout=HTTP_TIMEOUT_S, keep=False):
        """One HTTP call; `keep` reuses one keep-alive connection (the status loop), else a fresh one."""
        headers = {"Authorization": f"Bearer {self.token}"} if auth else {}
        if method == "POST":
            headers["Content-Length"] = "0"
        for attempt in (1, 2):
            conn = self.conn if keep and self.conn else http.client.HTTPConnection("127.0.0.1", self.port,
                                                                                   timeout=timeout)
            try:
                conn.request(method, path, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                self.conn = None
                if keep and attempt == 1:
                    continue  # the kept connection went stale: one retry on a fresh one
                raise
            if keep:
                self.conn = conn
            else:
                conn.close()
            if resp.status >= 400:
                raise RuntimeError(f"{method} {path}: HTTP {resp.status} {body[:200]!r}")
            return json.loads(body or b"null")

    def ping(self):
        try:
            return self._request("GET", "/health", auth=False, timeout=0.5).get("status") == "ok"
        except (OSError, ValueError, RuntimeError, http.client.HTTPException):
            return False

    def daemon_pids(self):
        return [self.proc.pid] if self.proc and self.proc.poll() is None else []

    def start_all(self):
        raise AssertionError("not called: boots_modules_on_launch")

    def restart(self, i):
        self._request("POST", f"/api/modules/{short(i)}/restart")

    def stop_all(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=HUB_STOP_GRACE_S * 2)

    def status(self):
        return self._request("GET", "/api/modules", keep=True)

    def status_cli(self):
        subprocess.run([*self.cli, "status"], env=self._env(), check=True, timeout=CLI_TIMEOUT_S,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def shutdown(self):
        if self.conn:
            self.conn.close()
            self.conn = None
        if self.proc and self.proc.poll() is None:
            terminate_pid(self.proc.pid, grace=HUB_STOP_GRACE_S)
            self.proc.wait(timeout=5)


def add_arguments(group):
    group.add_argument("--java-cli", default=os.environ.get("PARACHUTE_JAVA_CLI", str(REPO / "cli/target/parachute")),
                       help="the parachute CLI wrapper (default: %(default)s)")
    group.add_argument("--java-launcher",
                       default=os.environ.get("PARACHUTE_JAVA_LAUNCHER", str(REPO / "launcher/target/launcher.jar")),
                       help="launcher.jar the hub runs from (default: %(default)s)")
    group.add_argument("--java-flags", default=os.environ.get("PARACHUTE_JAVA_FLAGS", ""),
                       help="extra JVM flags appended to the shipped ones (for experiments; default none)")
    group.add_argument("--java-before-cmd", default=os.environ.get("PARACHUTE_JAVA_BEFORE_CMD", ""),
                       help='adds peer parachute-java-before: the whole hub argv of another build, '
                            '"java FLAGS -jar /path/launcher.jar" (default: none)')
    group.add_argument("--java-before-cli", default=os.environ.get("PARACHUTE_JAVA_BEFORE_CLI", ""),
                       help="that build's parachute CLI wrapper")
    group.add_argument("--java-port", type=int, default=int(os.environ.get("PARACHUTE_JAVA_PORT", HUB_PORT_DEFAULT)),
                       help="hub port (default: %(default)s; parachute-java-before uses the next one)")
    group.add_argument("--java-module-port", type=int,
                       default=int(os.environ.get("PARACHUTE_JAVA_MODULE_PORT", MODULE_PORT_DEFAULT)),
                       help="first module port, N consecutive ones (default: %(default)s, below the ephemeral range)")


class EarlierJavaHubPeer(JavaHubPeer):
    """Another build of this hub (e.g. main before a tuning branch) beside the current one, for before/after in one
    run: its own CLI, and its hub argv given whole (older CLIs cannot print it)."""
    name = "parachute-java-before"
    api = "HTTP API + operator token (parachute-java-before)"

    def __init__(self, args):
        super().__init__(args)
        self.cli = [str(Path(args.java_before_cli).resolve())]
        self.fixed_argv = args.java_before_cmd.split()
        self.launcher = self.fixed_argv[-1]
        self.port = args.java_port + 1

    def version(self):
        out = subprocess.run([*self.cli, "version"], capture_output=True, text=True, timeout=CLI_TIMEOUT_S).stdout
        return f"{out.strip() or '?'}; hub: {' '.join(self.fixed_argv[1:])}"


def peers(args):
    found = [JavaHubPeer(args)]
    if args.java_before_cmd:
        found.append(EarlierJavaHubPeer(args))
    return found
