#!/usr/bin/env python3
"""Hub launcher cold start: process spawn -> first 200 from /health, and RSS once up.

Builds nothing. Usage:
    bench/startup.py path/to/launcher.jar [--runs 5] [--ab NAME=VALUE] [-- extra JVM flags ...]
With --ab, every run is a pair, interleaved: as is, then with NAME=VALUE in the hub's environment (e.g.
PARACHUTE_METRICS=off), so both sides share the box's load; each side also reports RSS after one GET /metrics.
Each run uses a fresh temporary PARACHUTE_HOME and a free loopback port, stops the hub with SIGTERM and checks it
exited 0. Prints every run, then the medians. The unpacked-WAR cache (java.io.tmpdir/parachute-hub-<user>) is
warmed by one untimed run first, as it is on every launch after the first.
"""
import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

START_DEADLINE_S = 60
POLL_INTERVAL_S = 0.005
STOP_DEADLINE_S = 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/health")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def scrape(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/metrics")
        conn.getresponse().read()
        conn.close()
    except OSError:
        pass


def await_health(proc, port, started, who="hub", deadline_s=START_DEADLINE_S, interval_s=POLL_INTERVAL_S):
    """Polls /health until a 200 (bounded); ms from `started`. Exits the script if the process dies first."""
    while not healthy(port):
        if proc.poll() is not None:
            raise SystemExit(f"{who} exited {proc.returncode} before serving")
        if time.monotonic() - started > deadline_s:
            raise SystemExit(f"{who}: no 200 from /health within {deadline_s} s")
        time.sleep(interval_s)
    return (time.monotonic() - started) * 1000


def one_run(jar, jvm_flags, extra_env=None):
    home = tempfile.mkdtemp(prefix="hub-bench-")
    port = free_port()
    env = dict(os.environ, PARACHUTE_HOME=home, PORT=str(port), **(extra_env or {}))
    started = time.monotonic()
    proc = subprocess.Popen(["java", *jvm_flags, "-jar", jar], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        elapsed_ms = await_health(proc, port, started)
        rss = rss_mb(proc.pid)
        scrape(port)
        rss_scraped = rss_mb(proc.pid)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=STOP_DEADLINE_S)
        if code != 0:
            raise SystemExit(f"hub exited {code} after SIGTERM (expected 0)")
        return elapsed_ms, rss, rss_scraped
    finally:
        if proc.poll() is None:
            proc.kill()  # by pid: the one process this run started
            proc.wait(timeout=STOP_DEADLINE_S)
        shutil.rmtree(home, ignore_errors=True)


def main():
    args = sys.argv[1:]
    jvm_flags = []
    if "--" in args:
        jvm_flags = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jar")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ab", metavar="NAME=VALUE", help="interleave runs with this variable in the hub's env")
    opts = parser.parse_args(args)
    sides = [("as is", {})]
    if opts.ab:
        name, _, value = opts.ab.partition("=")
        sides.append((opts.ab, {name: value}))
    one_run(opts.jar, jvm_flags)  # warm the unpacked-WAR cache and the OS page cache
    results = {label: [] for label, _ in sides}
    for i in range(opts.runs):
        for label, extra in sides:
            ms, mb, scraped = one_run(opts.jar, jvm_flags, extra)
            results[label].append((ms, mb, scraped))
            print(f"run {i + 1} [{label}]: {ms:.0f} ms to first 200, RSS {mb:.0f} MB, {scraped:.0f} MB after GET /metrics")
    flags = " ".join(jvm_flags) or "(default JVM flags)"
    for label, runs in results.items():
        med = [statistics.median(r[k] for r in runs) for k in range(3)]
        print(f"median of {opts.runs} [{label}]: {med[0]:.0f} ms, RSS {med[1]:.0f} MB, "
              f"{med[2]:.0f} MB after GET /metrics  [{flags}]")


if __name__ == "__main__":
    main()
