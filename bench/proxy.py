#!/usr/bin/env python3
"""Front-door benchmark: a 1 KiB GET straight to a module vs through the hub's proxy, with `ab` (apache2-utils).

    bench/proxy.py [--module node|jdk] [--requests N] [--rounds R] [--java-flags "..."]

Builds nothing: run `mvn -q -DskipTests package` first (launcher/target/launcher.jar). Starts the real launcher jar
with the JVM flags a hub unit ships with (HubJvmFlags: serial GC, C1 only, 64 MiB heap), on a fresh private
PARACHUTE_HOME whose one module answers every GET with 1 KiB: `--module node` (default; bench/proxy_module/onekb.js,
a module written like the reference hub's JavaScript modules) or `--module jdk` (bench/proxy_module/OneKb.java, the
JDK's HTTP server with 8 threads). At 1 connection it times each request itself (one keep-alive connection,
perf_counter, direct and proxied alternating per round, plus the hub's own /health as the floor of any hub request)
and prints the p50s and the added p50; at 32 keep-alive
connections it runs `ab -k` (R rounds alternating, medians) and prints requests/s and the proxied/direct ratio; then
the hub's CPU time per proxied request (from /proc: unlike requests/s on a shared box, it does not depend on what else
runs) and the hub's RSS (max sampled during the proxied 32-connection runs).
Targets (issue 13): <= 0.3 ms added p50, >= 70 % of direct throughput at 32 connections.
Flags for the hub JVM: --java-flags="-XX:TieredStopAtLevel=4" (note the '=': the value starts with a dash).
Everything listens on 127.0.0.1 only; every process started here is stopped by its pid.
"""
import argparse
import csv
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
LAUNCHER = os.path.join(ROOT, "launcher", "target", "launcher.jar")
MODULE_DIR = os.path.join(ROOT, "bench", "proxy_module")
# the flags of a shipped hub unit (core HubJvmFlags.forLauncher, without the CDS archive)
HUB_FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MinHeapFreeRatio=10",
             "-XX:MaxHeapFreeRatio=30", "-Xms8m", "-Xmx64m", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED"]


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
    """user + system CPU time of a process so far, from /proc/<pid>/stat (clock ticks)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--module", choices=("node", "jdk"), default="node", help="the backend (default node)")
    parser.add_argument("--requests", type=int, default=20000, help="requests per ab run (default 20000)")
    parser.add_argument("--rounds", type=int, default=3, help="direct/proxied pairs per concurrency (default 3)")
    parser.add_argument("--java-flags", default="", help="extra JVM flags for the hub")
    args = parser.parse_args()
    for tool in ("ab", "java", "python3") + (("node",) if args.module == "node" else ()):
        if shutil.which(tool) is None:
            raise SystemExit("%s not found (ab: apt-get install apache2-utils)" % tool)
    if not os.path.exists(LAUNCHER):
        raise SystemExit("%s missing: run `mvn -q -DskipTests package` first" % LAUNCHER)

    work = tempfile.mkdtemp(prefix="proxy-bench-")
    os.chmod(work, 0o700)
    home = os.path.join(work, "home")
    module_dir = os.path.join(work, "onekb")
    os.makedirs(os.path.join(module_dir, ".parachute"), mode=0o700)
    os.makedirs(home, mode=0o700)
    java = shutil.which("java")
    if args.module == "node":
        shutil.copy(os.path.join(MODULE_DIR, "onekb.js"), module_dir)
        start_cmd = [shutil.which("node"), "onekb.js"]
    else:
        shutil.copy(os.path.join(MODULE_DIR, "OneKb.java"), module_dir)
        start_cmd = [java, "-XX:+UseSerialGC", "-Dsun.net.httpserver.nodelay=true", "OneKb.java"]
    module_port, hub_port = free_port(), free_port()
    with open(os.path.join(module_dir, ".parachute", "module.json"), "w") as f:
        json.dump({"name": "onekb", "port": module_port, "paths": ["/onekb"], "health": "/health",
                   "startCmd": start_cmd}, f)
    services = os.path.join(home, "services.json")
    with open(services, "w") as f:
        json.dump({"services": [{"name": "onekb", "port": module_port, "paths": ["/onekb"], "stripPrefix": True,
                                 "health": "/health", "version": "1", "installDir": module_dir}]}, f)
    os.chmod(services, 0o600)

    env = dict(os.environ, PARACHUTE_HOME=home, PORT=str(hub_port))
    log = open(os.path.join(work, "hub.log"), "w")
    hub = subprocess.Popen([java] + HUB_FLAGS + args.java_flags.split() + ["-jar", LAUNCHER], env=env,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        direct = "http://127.0.0.1:%d/x" % module_port
        proxied = "http://127.0.0.1:%d/onekb/x" % hub_port
        wait_for(direct)
        wait_for(proxied)
        # warm-up: the hub's JIT (C1 only, as shipped, still needs some tens of thousands of requests) and the pools
        for url in (direct, proxied, proxied):
            ab(url, args.requests, 32, os.path.join(work, "warm.csv"))
        results = {}
        peak_rss = [rss_kib(hub.pid)]
        # 1 connection: latency, alternating direct and proxied so both see the same background load
        lat = {"direct": [], "proxied": [], "hub /health": []}
        for _ in range(args.rounds):
            lat["direct"] += latencies(module_port, "/x", args.requests // 4)
            lat["proxied"] += latencies(hub_port, "/onekb/x", args.requests // 4)
            # the floor of any request to the hub (Jersey, no module): what of the added p50 is the proxy's own
            lat["hub /health"] += latencies(hub_port, "/health", args.requests // 4)
        p50 = {name: statistics.median(values) for name, values in lat.items()}
        for conns in (32,):
            runs = {"direct": [], "proxied": []}
            for _ in range(args.rounds):
                for name, url in (("direct", direct), ("proxied", proxied)):
                    stop = threading.Event()
                    sampler = None
                    if name == "proxied":
                        def sample():
                            while not stop.wait(0.2):
                                peak_rss.append(rss_kib(hub.pid))
                        sampler = threading.Thread(target=sample, daemon=True)
                        sampler.start()
                    cpu_before = cpu_seconds(hub.pid)
                    runs[name].append(ab(url, args.requests, conns, os.path.join(work, "run.csv")))
                    runs[name][-1]["hub_cpu_us"] = (cpu_seconds(hub.pid) - cpu_before) * 1e6 / args.requests
                    stop.set()
                    if sampler:
                        sampler.join()
            results[conns] = {name: {"rps": statistics.median(r["rps"] for r in rs),
                                     "p50_ms": statistics.median(r["p50_ms"] for r in rs),
                                     "p99_ms": statistics.median(r["p99_ms"] for r in rs),
                                     "hub_cpu_us": statistics.median(r["hub_cpu_us"] for r in rs),
                                     "failed": sum(r["failed"] for r in rs)} for name, rs in runs.items()}
        many = results[32]
        added = p50["proxied"] - p50["direct"]
        ratio = many["proxied"]["rps"] / many["direct"]["rps"]
        print("front door benchmark: %s module, 1 KiB GET, %d requests x %d rounds per cell, ab -k, %d cores, load avg %.2f"
              % (args.module, args.requests, args.rounds, os.cpu_count(), os.getloadavg()[0]))
        for name in ("direct", "proxied", "hub /health"):
            print("1 connection, %-11s p50 %.3f ms  p90 %.3f ms  (%d requests, one keep-alive connection)"
                  % (name, p50[name], statistics.quantiles(lat[name], n=10)[8], len(lat[name])))
        print("%-6s %-8s %10s %9s %9s %7s" % ("conns", "path", "req/s", "p50 ms", "p99 ms", "failed"))
        for name in ("direct", "proxied"):
            r = many[name]
            print("%-6d %-8s %10.0f %9.0f %9.0f %7d" % (32, name, r["rps"], r["p50_ms"], r["p99_ms"], r["failed"]))
        print("added p50 at 1 connection: %.3f ms (target <= 0.3 ms) %s; the hub's own /health alone costs %.3f ms over direct"
              % (added, "PASS" if added <= 0.3 else "MISS", p50["hub /health"] - p50["direct"]))
        print("throughput at 32 connections: %.0f %% of direct (target >= 70 %%) %s"
              % (ratio * 100, "PASS" if ratio >= 0.7 else "MISS"))
        print("hub CPU per proxied request at 32 connections: %.0f us (user+system; %.0f us per request of the direct runs)"
              % (many["proxied"]["hub_cpu_us"], many["direct"]["hub_cpu_us"]))
        print("hub RSS: %d KiB at rest before load, %d KiB peak under the proxied runs" % (peak_rss[0], max(peak_rss)))
    finally:
        hub.send_signal(signal.SIGTERM)  # the hub stops its module first
        try:
            hub.wait(timeout=30)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
