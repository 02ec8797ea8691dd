#!/usr/bin/env python3
"""Front-door benchmark: a 1 KiB GET straight to a module vs through the hub's proxy.

    bench/proxy.py [--module node|jdk] [--requests N] [--rounds R] [--tool ab|h2load|both] [--port-base P]
                   [--java-flags "..."] [--hub 'label=argv' ...]

Builds nothing: run `mvn -q -DskipTests package` first. By default the hub is started exactly as a hub unit starts it:
the argv `parachute serve --print-command` prints (cli/target/parachute.jar: the JVM it picks, HubJvmFlags, the
launcher's class cache), plus --java-flags (note the '=': --java-flags="-XX:TieredStopAtLevel=4"). --hub 'label=argv'
(repeatable, shell-split, like bench/startup_ab.py) runs other hub command lines instead, e.g. a before build beside
this one: every hub gets its own fresh PARACHUTE_HOME whose one module answers every GET with 1 KiB: `--module node`
(default; bench/proxy_module/onekb.js, a module written like the reference hub's JavaScript modules) or `--module jdk`
(bench/proxy_module/OneKb.java, the JDK's HTTP server with 8 threads). Direct is measured on the first hub's module.
At 1 connection it times each request itself (one keep-alive connection, perf_counter; direct and each hub alternating
per round, plus each hub's own /health as the floor of any hub request) and prints the p50s and the added p50; at 32
keep-alive connections it runs `ab -k` and/or `h2load --h1 -t1` (R rounds, all variants alternating, medians) and
prints requests/s and the proxied/direct ratio; then each hub's CPU time per proxied request (from /proc: unlike
requests/s on a shared box, it does not depend on what else runs) and its RSS (max sampled during its 32-connection
runs). ab and h2load are single-threaded clients that share the two cores with the module and the hub; the table
shows each one's own CPU per request (from this script's rusage of its finished children), so a client that starves
the server side would show.
Targets (issue 13): <= 0.3 ms added p50, >= 70 % of direct throughput at 32 connections.
Everything listens on 127.0.0.1 only; every process started here is stopped by its pid.
"""
import argparse
import csv
import re
import resource
import shlex
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "cli", "target", "parachute.jar")
MODULE_DIR = os.path.join(ROOT, "bench", "proxy_module")
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("no 200 from %s within %.0f s" % (url, timeout))


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    """(user, system) CPU time of a process so far, from /proc/<pid>/stat (clock ticks)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / os.sysconf("SC_CLK_TCK"), int(fields[12]) / os.sysconf("SC_CLK_TCK")


def client_cpu_s():
    """CPU time (user+system) of this script's finished children so far: what the load tool itself spent."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ab(url, requests, concurrency, csv_path):
    out = subprocess.run(["ab", "-q", "-k", "-n", str(requests), "-c", str(concurrency), "-e", csv_path, url],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit("ab failed: " + out.stderr.strip())
    rps = failed = None
    for line in out.stdout.splitlines():
        if line.startswith("Requests per second:"):
            rps = float(line.split()[3])
        if line.startswith("Failed requests:"):
            failed = int(line.split()[2])
        if line.startswith("Non-2xx responses:"):
            failed = (failed or 0) + int(line.split()[2])
    with open(csv_path) as f:
        rows = {int(r[0]): float(r[1]) for r in csv.reader(f) if r and r[0].isdigit()}
    return {"rps": rps, "p50_ms": rows[50], "p99_ms": rows[99], "failed": failed or 0}


def h2load(url, requests, concurrency, csv_path=None):
    """h2load over HTTP/1.1 (keep-alive, one client thread): requests/s and the mean request time (it has no p50)."""
    out = subprocess.run(["h2load", "--h1", "-t", "1", "-n", str(requests), "-c", str(concurrency), url],
                         capture_output=True, text=True, timeout=600)
    rps = re.search(r"finished in [\d.]+\w+, ([\d.]+) req/s", out.stdout)
    counts = re.search(r"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded", out.stdout)
    codes = re.search(r"status codes: (\d+) 2xx", out.stdout)
    mean = re.search(r"time for request:\s+\S+\s+\S+\s+(\S+)", out.stdout)
    if out.returncode != 0 or not rps or not counts:
        raise SystemExit("h2load failed: " + (out.stderr or out.stdout).strip()[-500:])
    def to_ms(value):  # h2load prints 812us, 1.23ms or 1.02s
        if value.endswith("us"):
            return float(value[:-2]) / 1000
        return float(value[:-2]) if value.endswith("ms") else float(value[:-1]) * 1000
    ok = int(codes.group(1)) if codes else 0
    return {"rps": float(rps.group(1)), "p50_ms": to_ms(mean.group(1)) if mean else float("nan"),
            "p99_ms": float("nan"), "failed": requests - ok}


LOAD_TOOLS = {"ab": ab, "h2load": h2load}


def shipped_hub_argv():
    """The hub's argv as a hub unit runs it: `parachute serve --print-command` (comment lines start with '#')."""
    out = subprocess.run(["java", "-jar", CLI, "serve", "--print-command"], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PARACHUTE_HOME=tempfile.gettempdir()))
    argv = [line for line in out.stdout.splitlines() if line and not line.startswith("#")]
    if out.returncode != 0 or "-jar" not in argv:
        raise SystemExit("`parachute serve --print-command` failed: " + out.stderr.strip())
    return argv


def latencies(port, path, count):
    """Per-request round trips (ms) of `count` sequential GETs on one keep-alive connection, timed here with
    perf_counter: exact to the microsecond, unlike ab's whole-millisecond percentiles."""
    request = ("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (path, port)).encode()
    times = []
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = conn.makefile("rb")
        for _ in range(count):
            started = time.perf_counter()
            conn.sendall(request)
            length = None
            status = reader.readline()
            while True:
                line = reader.readline()
                if line in (b"\r\n", b""):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not status.startswith(b"HTTP/1.1 200") or length is None:
                raise SystemExit("unexpected answer from %s: %r" % (path, status))
            reader.read(length)
            times.append((time.perf_counter() - started) * 1000)
    return times


def prepare_home(work, label, module, module_port):
    """A fresh PARACHUTE_HOME whose one module (stripPrefix /onekb) answers on module_port."""
    home = os.path.join(work, label, "home")
    module_dir = os.path.join(work, label, "onekb")
    os.makedirs(os.path.join(module_dir, ".parachute"), mode=0o700)
    os.makedirs(home, mode=0o700)
    if module == "node":
        shutil.copy(os.path.join(MODULE_DIR, "onekb.js"), module_dir)
        start_cmd = [shutil.which("node"), "onekb.js"]
    else:
        shutil.copy(os.path.join(MODULE_DIR, "OneKb.java"), module_dir)
        start_cmd = [shutil.which("java"), "-XX:+UseSerialGC", "-Dsun.net.httpserver.nodelay=true", "OneKb.java"]
    with open(os.path.join(module_dir, ".parachute", "module.json"), "w") as f:
        json.dump({"name": "onekb", "port": module_port, "paths": ["/onekb"], "health": "/health",
                   "startCmd": start_cmd}, f)
    services = os.path.join(home, "services.json")
    with open(services, "w") as f:
        json.dump({"services": [{"name": "onekb", "port": module_port, "paths": ["/onekb"], "stripPrefix": True,
                                 "health": "/health", "version": "1", "installDir": module_dir}]}, f)
    os.chmod(services, 0o600)
    return home


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--module", choices=("node", "jdk"), default="node", help="the backend (default node)")
    parser.add_argument("--requests", type=int, default=20000, help="requests per load run (default 20000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every variant per cell (default 3)")
    parser.add_argument("--tool", choices=("ab", "h2load", "both"), default="both",
                        help="the 32-connection load tool (default both)")
    parser.add_argument("--warmup", type=int, default=6,
                        help="32-connection runs through each hub before measuring (default 6): with C2 behind"
                             " CompileThresholdScaling=10 the proxy's paths reach C2 only after ~100k requests")
    parser.add_argument("--java-flags", default="", help="extra JVM flags for the default hub")
    parser.add_argument("--hub", action="append", default=[], metavar="LABEL=ARGV",
                        help="a hub command line to measure (repeatable; default: the shipped one)")
    parser.add_argument("--port-base", type=int, default=0,
                        help="hub i's module on P+2i, the hub on P+2i+1 (default: free ephemeral ports); on a box"
                             " shared with other benchmarks, give each its own range")
    args = parser.parse_args()
    tools = ("ab", "h2load") if args.tool == "both" else (args.tool,)
    for tool in tools + ("java", "python3") + (("node",) if args.module == "node" else ()):
        if shutil.which(tool) is None:
            raise SystemExit("%s not found (ab: apt-get install apache2-utils; h2load: nghttp2-client)" % tool)
    if args.hub:
        hubs = [(spec.partition("=")[0], shlex.split(spec.partition("=")[2])) for spec in args.hub]
    else:
        if not os.path.exists(CLI):
            raise SystemExit("%s missing: run `mvn -q -DskipTests package` first" % CLI)
        argv = shipped_hub_argv()
        at = argv.index("-jar")
        hubs = [("hub", argv[:at] + args.java_flags.split() + argv[at:])]

    work = tempfile.mkdtemp(prefix="proxy-bench-")
    os.chmod(work, 0o700)
    procs, logs, ports = {}, [], {}
    try:
        for i, (label, argv) in enumerate(hubs):
            module_port, hub_port = ((args.port_base + 2 * i, args.port_base + 2 * i + 1) if args.port_base
                                     else (free_port(), free_port()))
            ports[label] = (module_port, hub_port)
            home = prepare_home(work, "h%d" % i, args.module, module_port)
            logs.append(open(os.path.join(work, "hub%d.log" % i), "w"))
            env = dict(os.environ, PARACHUTE_HOME=home, PORT=str(hub_port))
            procs[label] = subprocess.Popen(argv, env=env, stdout=logs[-1], stderr=subprocess.STDOUT,
                                            start_new_session=True)
        module_port = ports[hubs[0][0]][0]
        urls = {"direct": "http://127.0.0.1:%d/x" % module_port}
        for label, _ in hubs:
            urls[label] = "http://127.0.0.1:%d/onekb/x" % ports[label][1]
        for url in urls.values():
            wait_for(url)
        # warm-up: the hubs' JIT (C2 with 10x thresholds needs ~100k requests) and the pools
        for name, url in urls.items():
            for _ in range(1 if name == "direct" else args.warmup):
                ab(url, args.requests, 32, os.path.join(work, "warm.csv"))
        peak_rss = {label: [rss_kib(p.pid)] for label, p in procs.items()}
        # 1 connection: latency, alternating so every variant sees the same background load
        lat = {name: [] for name in urls}
        floor = {label: [] for label, _ in hubs}
        for _ in range(args.rounds):
            lat["direct"] += latencies(module_port, "/x", args.requests // 4)
            for label, _ in hubs:
                lat[label] += latencies(ports[label][1], "/onekb/x", args.requests // 4)
                # the floor of any request to the hub (Jersey, no module): what of the added p50 is the proxy's own
                floor[label] += latencies(ports[label][1], "/health", args.requests // 4)
        many = {tool: {name: [] for name in urls} for tool in tools}
        for _ in range(args.rounds):
            for tool in tools:
                for name, url in urls.items():
                    stop = threading.Event()
                    sampler = None
                    if name in procs:
                        def sample(pid=procs[name].pid, into=peak_rss[name]):
                            while not stop.wait(0.2):
                                into.append(rss_kib(pid))
                        sampler = threading.Thread(target=sample, daemon=True)
                        sampler.start()
                    # the first hub's CPU during direct runs: its idle cost, the noise floor of the column
                    pid = procs[name if name in procs else hubs[0][0]].pid
                    cpu_before, client_before = cpu_seconds(pid), client_cpu_s()
                    r = LOAD_TOOLS[tool](url, args.requests, 32, os.path.join(work, "run.csv"))
                    cpu_after = cpu_seconds(pid)
                    r["client_us"] = (client_cpu_s() - client_before) * 1e6 / args.requests
                    r["hub_cpu_us"] = (sum(cpu_after) - sum(cpu_before)) * 1e6 / args.requests
                    r["hub_sys_us"] = (cpu_after[1] - cpu_before[1]) * 1e6 / args.requests
                    many[tool][name].append(r)
                    stop.set()
                    if sampler:
                        sampler.join()
        med = {tool: {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in cells.items()}
               for tool, cells in many.items()}
        for tool in tools:
            for name in urls:
                med[tool][name]["failed"] = sum(r["failed"] for r in many[tool][name])
        p50 = {name: statistics.median(values) for name, values in lat.items()}
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
        print("front door benchmark: %s module, 1 KiB GET, %d requests x %d rounds per cell, %d cores, load avg %s"
              % (args.module, args.requests, args.rounds, os.cpu_count(), load))
        for label, argv in hubs:
            print("hub %s: %s" % (label, " ".join(argv)))
        for name in urls:
            print("1 connection, %-14s p50 %.3f ms  p90 %.3f ms  (%d requests, one keep-alive connection)"
                  % (name, p50[name], statistics.quantiles(lat[name], n=10)[8], len(lat[name])))
        for label, _ in hubs:
            print("1 connection, %-14s p50 %.3f ms" % (label + " /health", statistics.median(floor[label])))
        print("%-7s %-14s %10s %9s %9s %7s %11s %11s %11s" % ("tool", "32 conns", "req/s", "p50 ms", "p99 ms", "failed",
                                                          "hub us/req", "of it sys", "tool us/req"))
        for tool in tools:
            for name in urls:
                r = med[tool][name]
                print("%-7s %-14s %10.0f %9.2f %9.0f %7d %11.1f %11.1f %11.1f" % (
                    tool, name, r["rps"], r["p50_ms"], r["p99_ms"], r["failed"], r["hub_cpu_us"], r["hub_sys_us"],
                    r["client_us"]))
        if "h2load" in tools:
            print("(h2load has no percentiles: its p50 column is the mean request time)")
        for label, _ in hubs:
            added = p50[label] - p50["direct"]
            print("%s: added p50 at 1 connection %.3f ms (target <= 0.3 ms) %s; the hub's own /health alone costs %.3f"
                  " ms over direct" % (label, added, "PASS" if added <= 0.3 else "MISS",
                                       statistics.median(floor[label]) - p50["direct"]))
            for tool in tools:
                ratio = med[tool][label]["rps"] / med[tool]["direct"]["rps"]
                print("%s: throughput at 32 connections (%s) %.0f %% of direct (target >= 70 %%) %s"
                      % (label, tool, ratio * 100, "PASS" if ratio >= 0.7 else "MISS"))
            print("%s: hub CPU per proxied request at 32 connections %s us (user+system, median per tool)"
                  % (label, " / ".join("%.1f (%s)" % (med[tool][label]["hub_cpu_us"], tool) for tool in tools)))
            print("%s: hub RSS %d KiB at rest before load, %d KiB peak under its 32-connection runs"
                  % (label, peak_rss[label][0], max(peak_rss[label])))
    finally:
        for proc in procs.values():
            proc.send_signal(signal.SIGTERM)  # the hub stops its module first
        for proc in procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in logs:
            log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
