#!/usr/bin/env python3
"""A/B start-up of whole hub command lines, interleaved in one run (the only fair comparison on a shared box).

Usage:
    bench/startup_ab.py --runs 7 'before=java FLAGS -jar /a/launcher.jar' 'after=env MALLOC_ARENA_MAX=2 java ... -jar b.jar'
Each variant is `label=argv` (shell-split; prefix `env K=V` for environment). Each round launches every variant once,
in turn, against a fresh PARACHUTE_HOME and a free loopback port, and records: spawn -> first 200 from /health,
spawn -> first 200 from /api/modules with the operator token the hub mints (the first real API answer), the CPU
time (user+sys) the hub spent until then (robust to a loaded box), the RSS then,
the RSS after --idle seconds, and the time from SIGTERM to exit (exit code must be 0). Prints every run, then the
medians and each variant's ratio to the first one. One untimed warm-up launch per variant comes first.
"""
import argparse
import http.client
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time

from startup import free_port, rss_mb  # same directory: one copy of the probes

START_DEADLINE_S = 60
POLL_INTERVAL_S = 0.005
STOP_DEADLINE_S = 20


def status_of(port, path, token=None):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
        resp = conn.getresponse()
        resp.read()
        conn.close()
        return resp.status
    except (OSError, http.client.HTTPException):
        # HTTPException: on a port in the ephemeral range with nothing listening yet, a connect can meet itself
        # (TCP simultaneous open) and read back its own request
        return None


def bindable_port(start):
    """The first port from `start` a listener can bind now: a port in the ephemeral range may be the local end of
    another program's connection (even in TIME_WAIT), which refuses the bind."""
    for port in range(start, start + 10):
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit(f"no bindable port in {start}..{start + 9}")


def cpu_ms(pid):
    """User + system CPU of the process so far: far less disturbed by a loaded box than wall time."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def await_ok(proc, started, check):
    while not check():
        if proc.poll() is not None:
            raise SystemExit(f"hub exited {proc.returncode} before serving")
        if time.monotonic() - started > START_DEADLINE_S:
            raise SystemExit(f"no 200 within {START_DEADLINE_S} s")
        time.sleep(POLL_INTERVAL_S)
    return (time.monotonic() - started) * 1000


def one_run(argv, idle_s, home=None, port=None):
    """`home`: an existing PARACHUTE_HOME (signing key and token already in hub.db: an installed hub's restart), with
    the `port` its token was minted for (the token's issuer names the hub's origin)."""
    keep = home is not None
    home = home or tempfile.mkdtemp(prefix="hub-bench-")
    port = port or free_port()
    env = dict(os.environ, PARACHUTE_HOME=home, PORT=str(port))
    token_file = os.path.join(home, "operator.token")
    started = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        health_ms = await_ok(proc, started, lambda: status_of(port, "/health") == 200)

        def api_ok():
            if not os.path.exists(token_file):
                return False
            with open(token_file) as f:
                token = f.read().strip()
            return token and status_of(port, "/api/modules", token) == 200

        api_ms = await_ok(proc, started, api_ok)
        rss = rss_mb(proc.pid)
        cpu = cpu_ms(proc.pid)
        time.sleep(idle_s)
        rss_idle = rss_mb(proc.pid)
        stop_started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=STOP_DEADLINE_S)
        stop_ms = (time.monotonic() - stop_started) * 1000
        if code != 0:
            raise SystemExit(f"hub exited {code} after SIGTERM (expected 0)")
        return {"health": health_ms, "api": api_ms, "cpu": cpu, "rss": rss, "rss_idle": rss_idle, "stop": stop_ms}
    finally:
        if proc.poll() is None:
            proc.kill()  # by pid: the one process this run started
            proc.wait(timeout=STOP_DEADLINE_S)
        if not keep:
            shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="+", help="label=argv")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse-home", action="store_true",
                        help="one home per variant, made by the warm-up launch: no key generation in the timed runs")
    parser.add_argument("--idle", type=float, default=1.0, help="seconds between the first API 200 and the idle RSS")
    parser.add_argument("--port-base", type=int, default=0,
                        help="with --reuse-home: variant i listens on the first bindable port from port-base+10*i (a range"
                             " of your own on a shared box); default: a free ephemeral port")
    opts = parser.parse_args()
    variants = []
    for spec in opts.variants:
        label, _, cmd = spec.partition("=")
        variants.append((label, shlex.split(cmd)))
    homes, ports = {}, {}
    for i, (label, argv) in enumerate(variants):
        homes[label] = tempfile.mkdtemp(prefix="hub-bench-") if opts.reuse_home else None
        if opts.reuse_home:
            ports[label] = bindable_port(opts.port_base + 10 * i) if opts.port_base else free_port()
        else:
            ports[label] = None
        one_run(argv, 0, homes[label], ports[label])  # warm the unpacked-WAR cache and the OS page cache (and mint the key)
    results = {label: [] for label, _ in variants}
    for i in range(opts.runs):
        for label, argv in variants:
            r = one_run(argv, opts.idle, homes[label], ports[label])
            results[label].append(r)
            print(f"run {i + 1} {label}: health {r['health']:.0f} ms, api {r['api']:.0f} ms, cpu {r['cpu']:.0f} ms, RSS {r['rss']:.0f} MB,"
                  f" idle RSS {r['rss_idle']:.0f} MB, stop {r['stop']:.0f} ms", flush=True)
    for home in homes.values():
        if home:
            shutil.rmtree(home, ignore_errors=True)
    with open("/proc/loadavg") as f:
        print(f"load average at the end: {f.read().split()[:3]}")
    first = None
    print(f"medians of {opts.runs} (interleaved):")
    for label, _ in variants:
        med = {k: statistics.median(r[k] for r in results[label]) for k in results[label][0]}
        first = first or med
        ratio = " ".join(f"{k}×{med[k] / first[k]:.2f}" for k in ("health", "api", "cpu", "rss", "rss_idle", "stop"))
        print(f"  {label:>12}: health {med['health']:.0f} ms, api {med['api']:.0f} ms, cpu {med['cpu']:.0f} ms, RSS {med['rss']:.1f} MB,"
              f" idle RSS {med['rss_idle']:.1f} MB, stop {med['stop']:.0f} ms   [{ratio}]")


if __name__ == "__main__":
    main()
