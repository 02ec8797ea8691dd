#!/usr/bin/env python3
"""The floor of the hub's stack on this box: how fast and how small can Jetty 12 + Jersey/HK2 + Yasson (+ HikariCP and
sqlite-jdbc) start on this JVM, next to the real hub and supervisord, in one interleaved run.

Usage:
    bench/stack_floor.py [--rounds 7] [--port-base 32000] [--settle 3] [--modules 20] [--no-build] [--no-hub]
                         [--flags 'LABEL=JVM FLAGS' ...] [--only LABEL,LABEL] [--out bench/results/stack_floor.md]
Builds bench/stack_floor (offline, one shaded jar as launcher.jar is), records a Java 25 AOT cache per Java variant
(a training run as CdsTraining does for the hub: C1 only, a few requests, SIGTERM, the JVM writes the cache at exit),
then launches, round after round (the order rotates every round; one untimed warm-up launch each first):

  supervisord        `supervisord -n` with the peer benchmark's config (N programs, autostart=false) -> XML-RPC getState
  Hello              a ServerSocket answering 200: the JVM itself with the hub's flags
  PlainJetty         Jetty 12's core Server and one Handler
  JettyServlet       + ee11 ServletContextHandler and one HttpServlet
  JettyJerseyString  + Jersey's ServletContainer (HK2) over one resource returning a String
  JettyJersey        + the resource returns a record written by JSON-B (Yasson)
  JettyJerseySqlite  + HikariCP (pool of 1) over a sqlite-jdbc file, `select 1` at start and on every /health
  ..., no AOT        the whole stack without its AOT cache
  --flags LABEL=...   JettyJerseySqlite with extra JVM flags (an experiment: what a flag does to the floor)
  hub                launcher.jar as `parachute serve --print-command` prints it, fresh home with an operator token

Every Java variant runs with the hub's shipped JVM flags (from `--print-command`), its own AOT cache in place of
launcher.aot. For each launch: spawn -> first 200 from /health (supervisord: getState RUNNING), the process's CPU time
(utime+stime) then, RSS then and after --settle seconds. Prints every launch, then medians and ratios to
supervisord, and writes them as markdown to --out. Every process it starts is stopped by PID; every wait is bounded.
"""
import argparse
import datetime
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from startup import rss_mb
from startup_ab import await_ok, cpu_ms, status_of  # bounded polls and /proc probes: one copy

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "bench" / "stack_floor"
JAR = PROJECT / "target" / "stack-floor.jar"
CLI = REPO / "cli" / "target" / "parachute"
LAUNCHER = REPO / "launcher" / "target" / "launcher.jar"
JAVA_VARIANTS = ["Hello", "PlainJetty", "JettyServlet", "JettyJerseyString", "JettyJersey", "JettyJerseySqlite"]
AOT_DUMP_DEADLINE_S = 180  # the JVM assembles the cache after exit: seconds, more on a loaded box
STOP_DEADLINE_S = 20
TRAINING_REQUESTS = 30


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def hub_argv():
    """What the unit file and `parachute serve` run: java, HubJvmFlags, -jar launcher.jar (one source of truth)."""
    out = subprocess.run([str(CLI), "serve", "--print-command", "--launcher", str(LAUNCHER)], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return out.splitlines()


def shipped_flags(argv):
    """The hub's JVM flags without its own AOT cache (each variant gets its own in that place)."""
    flags = argv[1:argv.index("-jar")]
    at = next((i for i, f in enumerate(flags) if f.startswith("-XX:AOTCache=")), None)
    if at is None:
        raise SystemExit("the hub's command has no -XX:AOTCache: no JDK 25 or no launcher.aot (build on a JDK 25 box)")
    return flags[:at], flags[at + 1:]


def stop(proc):
    """SIGTERM the one process we started, SIGKILL if it will not go."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_DEADLINE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_DEADLINE_S)


def rss_split(pid):
    """Anonymous (heap, metaspace, code, stacks, malloc) vs file-backed (mapped jars, libjvm, the AOT cache: shared and
    clean, the first pages the kernel reclaims) resident MB: what an idle-RSS figure is made of."""
    kb = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("RssAnon:", "RssFile:", "RssShmem:")):
                kb[line.split(":")[0]] = int(line.split()[1])
    return kb["RssAnon"] / 1024, (kb["RssFile"] + kb["RssShmem"]) / 1024


def sqlite_native_dir(workdir):
    """sqlite-jdbc's library unpacked once, as the hub's launcher does (SqliteNativeLibrary): without this the driver
    unpacks and re-reads it at every start, which the hub no longer pays."""
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64"}.get(platform.machine(), platform.machine())
    entry = f"org/sqlite/native/Linux/{arch}/libsqlitejdbc.so"
    target = workdir / "sqlite-native"
    target.mkdir()
    with zipfile.ZipFile(JAR) as jar, open(target / "libsqlitejdbc.so", "wb") as out:
        out.write(jar.read(entry))
    return ["-Dorg.sqlite.lib.path=" + str(target), "-Dorg.sqlite.lib.name=libsqlitejdbc.so"]


class Variant:
    """One thing to launch: argv, environment, how to tell it answers; prepare() runs untimed before each launch."""

    def __init__(self, label, argv, port, env=None, ready=None, prepare=None, cwd=None):
        self.label, self.argv, self.port, self.cwd = label, argv, port, cwd
        self.env = dict(os.environ, PORT=str(port), **(env or {}))
        self.ready = ready or (lambda: status_of(port, "/health") == 200)
        self.prepare = prepare or (lambda: None)
        self.runs = []

    def launch(self, settle):
        self.prepare()
        started = time.monotonic()
        proc = subprocess.Popen(self.argv, env=self.env, cwd=self.cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            wall = await_ok(proc, started, self.ready)
            cpu, rss = cpu_ms(proc.pid), rss_mb(proc.pid)
            time.sleep(settle)
            anon, file = rss_split(proc.pid)
            return {"wall": wall, "cpu": cpu, "rss": rss, "idle": rss_mb(proc.pid), "anon": anon, "file": file}
        finally:
            stop(proc)


def train(java, before, after, main, cache, port, workdir, extra):
    """CdsTraining's recipe for one main class: C1 only, serve a few requests, SIGTERM, the JVM writes the cache."""
    cache.unlink(missing_ok=True)
    argv = [java, *before, *after, *extra, "-XX:TieredStopAtLevel=1", f"-XX:AOTCacheOutput={cache}",
            "-cp", str(JAR), f"floor.{main}"]
    log = workdir / f"train-{main}.log"
    env = dict(os.environ, PORT=str(port), FLOOR_DB=str(workdir / f"train-{main}.db"))
    with open(log, "w") as out:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        await_ok(proc, time.monotonic(), lambda: status_of(port, "/health") == 200)
        for _ in range(TRAINING_REQUESTS):
            status_of(port, "/health")
        status_of(port, "/no-such-path")
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=AOT_DUMP_DEADLINE_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=STOP_DEADLINE_S)
    if not cache.is_file():
        raise SystemExit(f"training {main} wrote no {cache}; its output:\n{log.read_text()[-3000:]}")
    print(f"trained {main}: {cache.stat().st_size // 1024} KiB", flush=True)


def hub_variant(argv, port, workdir):
    """The real hub, as shipped, on a fresh home per launch with the operator token minted first (as after an
    install, so cold start is not first-start key generation), no modules."""
    base = workdir / "hub-homes"
    base.mkdir()
    env = {"PARACHUTE_HUB_PORT": str(port), "PARACHUTE_BIND_HOST": "127.0.0.1"}
    variant = Variant("hub", argv, port, env=env)

    def fresh_home():
        old = variant.env.get("PARACHUTE_HOME")
        if old:
            shutil.rmtree(old, ignore_errors=True)
        home = tempfile.mkdtemp(prefix="home-", dir=base)
        variant.env["PARACHUTE_HOME"] = home
        subprocess.run([str(CLI), "auth", "rotate-operator"], env=variant.env, check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    variant.prepare = fresh_home
    return variant


def harness():
    """The shared peer harness, checked out next to the repository (for a git worktree: next to its main checkout)."""
    common = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                            capture_output=True, text=True).stdout.strip()
    for root in (REPO, Path(common).parent if common else REPO):
        if (root.parent / "shared" / "bench" / "bench.py").is_file():
            return root.parent / "shared" / "bench"
    return None


def supervisord_variant(port, workdir, modules):
    """supervisord exactly as the peer benchmark configures it (its SupervisordPeer), RPC on our port."""
    found = harness()
    if not found:
        print("no ../shared/bench harness: no supervisord row")
        return None
    sys.path.insert(0, str(found))
    import bench  # the shared harness (stdlib only)
    peer = bench.SupervisordPeer(rpc_port=port)
    if peer.available():
        print(f"no supervisord: {peer.available()}")
        return None
    home = workdir / "supervisord"
    home.mkdir()
    peer.prepare(home, modules)  # programs are autostart=false: cold start is the daemon alone, as in the peer run
    return Variant("supervisord", ["supervisord", "-n", "-c", str(peer.conf)], port, ready=peer.ping,
                   cwd=home)


# what each row adds to: the layer it is measured against in the Δ column
LAYER_BELOW = {"PlainJetty": "Hello", "JettyServlet": "PlainJetty", "JettyJerseyString": "JettyServlet",
               "JettyJersey": "JettyJerseyString", "JettyJerseySqlite": "JettyJersey",
               "JettyJerseySqlite, no AOT": "JettyJerseySqlite", "hub": "JettyJerseySqlite"}


def table(variants, rounds):
    med = {v.label: {k: statistics.median(r[k] for r in v.runs) for k in v.runs[0]} for v in variants}
    base = med.get("supervisord")
    lines = ["| variant | wall to first 200 (ms) | CPU then (ms) | RSS then (MB) | idle RSS (MB) | of it anon / file"
             " | wall ÷ supervisord | CPU ÷ supervisord | Δ wall / CPU / idle RSS vs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for v in variants:
        m = med[v.label]
        ratio = (lambda k: f"{m[k] / base[k]:.2f}×") if base else (lambda k: "–")
        below = LAYER_BELOW.get(v.label)
        delta = "–" if below not in med else f"{m['wall'] - med[below]['wall']:+.0f} ms / " \
            f"{m['cpu'] - med[below]['cpu']:+.0f} ms / {m['idle'] - med[below]['idle']:+.1f} MB vs {below}"
        lines.append(f"| {v.label} | {m['wall']:.0f} | {m['cpu']:.0f} | {m['rss']:.1f} | {m['idle']:.1f} |"
                     f" {m['anon']:.1f} / {m['file']:.1f} | {ratio('wall')} | {ratio('cpu')} | {delta} |")
    lines.append(f"\nMedians of {rounds} interleaved launches each (order rotated every round).")
    if base:
        lines.append(f"Cold-start target (2.5 × supervisord): {2.5 * base['wall']:.0f} ms wall.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--port-base", type=int, default=32000, help="variant i listens on port-base + i")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds between the first 200 and the idle RSS")
    parser.add_argument("--modules", type=int, default=20, help="programs in supervisord's config (autostart=false)")
    parser.add_argument("--no-build", action="store_true", help="use bench/stack_floor/target as it is")
    parser.add_argument("--no-hub", action="store_true")
    parser.add_argument("--flags", action="append", default=[], metavar="LABEL=FLAGS",
                        help="adds JettyJerseySqlite with these JVM flags after the hub's (own AOT cache); repeatable")
    parser.add_argument("--only", help="comma-separated labels to run (default: all)")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "stack_floor.md"))
    opts = parser.parse_args()
    for f in (CLI, LAUNCHER):
        if not f.is_file():
            raise SystemExit(f"{f} missing: `mvn -o -q -DskipTests package` at the repository root first")
    if not opts.no_build:
        subprocess.run(["mvn", "-o", "-q", "-B", "-f", str(PROJECT / "pom.xml"), "package"], check=True)
    argv = hub_argv()
    java = argv[0]
    before, after = shipped_flags(argv)
    workdir = Path(tempfile.mkdtemp(prefix="stack-floor-"))
    try:
        sqlite = sqlite_native_dir(workdir)
        caches = PROJECT / "target" / "aot"
        caches.mkdir(exist_ok=True)
        ports = iter(range(opts.port_base, opts.port_base + 100))
        keep = set(opts.only.split(",")) if opts.only else None
        variants = []

        def java_variant(label, main_class, flags=(), aot=True):
            """main_class with the hub's flags (+ flags), and its own AOT cache trained with exactly those."""
            port = next(ports)
            if keep is not None and label not in keep:
                return None
            extra = [*flags, *(sqlite if main_class == "JettyJerseySqlite" else [])]
            cache = caches / f"{label.replace(' ', '_')}.aot"
            if aot:
                train(java, before, after, main_class, cache, port, workdir, extra)
            return Variant(label, [java, *before, *([f"-XX:AOTCache={cache}"] if aot else []), *after, *extra,
                                   "-cp", str(JAR), f"floor.{main_class}"], port,
                           env={"FLOOR_DB": str(workdir / f"{label.replace(' ', '_')}.db")})

        sup = supervisord_variant(next(ports), workdir, opts.modules)
        if sup:
            variants.append(sup)
        for main_class in JAVA_VARIANTS:
            variants.append(java_variant(main_class, main_class))
        # the whole stack without its cache: what the cache buys in start-up, and what its mapped pages cost in RSS
        variants.append(java_variant("JettyJerseySqlite, no AOT", "JettyJerseySqlite", aot=False))
        for spec in opts.flags:
            label, _, flags = spec.partition("=")
            LAYER_BELOW[label] = "JettyJerseySqlite"
            variants.append(java_variant(label, "JettyJerseySqlite", shlex.split(flags)))
        if not opts.no_hub:
            variants.append(hub_variant(argv, next(ports), workdir))
        variants = [v for v in variants if v and (keep is None or v.label in keep)]
        load_start = loadavg()
        print(f"load average at the start: {load_start}", flush=True)
        for v in variants:
            v.launch(0)  # untimed: page cache, the hub's unpacked-WAR cache
        for r in range(opts.rounds):
            order = variants[r % len(variants):] + variants[:r % len(variants)]  # no variant always first
            for v in order:
                res = v.launch(opts.settle)
                v.runs.append(res)
                print(f"round {r + 1} {v.label:>28}: {res['wall']:6.0f} ms wall, {res['cpu']:5.0f} ms CPU,"
                      f" RSS {res['rss']:5.1f} MB, idle RSS {res['idle']:5.1f} MB", flush=True)
        load_end = loadavg()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    report = table(variants, opts.rounds)
    meta = (f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, load"
            f" average {load_start} at the start, {load_end} at the end; {java_version}.\n"
            f"Java flags (the hub's, each variant with its own AOT cache): {' '.join(before + after)}\n"
            f"Command: bench/stack_floor.py {shlex.join(sys.argv[1:])}\n")
    print("\n" + report + "\n\n" + meta)
    Path(opts.out).write_text("# Stack floor (bench/stack_floor.py)\n\n" + meta + "\n" + report + "\n")
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
