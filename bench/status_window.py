#!/usr/bin/env python3
"""Where the peer benchmark's status window goes: young GCs, slow calls and (optionally) a JFR recording of it.

Usage:
    bench/status_window.py [--runs 3] [--tree .] [--port 32400] [--jfr] [--out DIR] [--flags '-XX:...']
Each run launches the hub of --tree the way the peer benchmark does (bench/parachute_java.py: 20 modules, operator
token minted first), waits until every module answers, settles --settle s, makes one warm-up call, then --calls GETs
of /api/modules on one keep-alive connection (status_ab.py's step 7). The hub logs its GCs (-Xlog:gc with wall-clock
stamps) to DIR, so the script can count the young collections inside the window, estimate the allocation per call
(collections × eden, a lower bound) and mark which of the slowest calls a GC pause fell into. With --jfr it starts a
recording after boot (the profile settings with 1 ms execution samples and TLAB allocation events) and dumps it after
the window; `java bench/JfrWindow.java DIR` then prints the request threads' inclusive and self CPU shares,
interpreted vs compiled frames, and the allocation by site, for the window only.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("PEERS_BENCH", str(HERE.parent.parent / "shared" / "bench")))
sys.path.insert(0, str(HERE))

import bench  # noqa: E402  (the shared harness: probes)
from parachute_java import JavaHubPeer  # noqa: E402

READY_TIMEOUT_S = 60
GC_LINE = re.compile(r"\[(\S+)\]\[\S+\] GC\(\d+\) Pause Young.* (\S+)ms$")
EDEN = re.compile(r"eden space (\d+)K")


def young_gcs(log):
    """(wall time, pause ms) of every young collection in an -Xlog:gc file with the `time` decoration."""
    out = []
    for line in open(log):
        m = GC_LINE.match(line.strip())
        if m:
            out.append((datetime.datetime.fromisoformat(m.group(1)).timestamp(), float(m.group(2))))
    return out


def jcmd(peer, *args):
    """jcmd of the JDK the hub runs on (argv[0] of its command line)."""
    tool = Path(peer.hub_argv()[0]).parent / "jcmd"
    subprocess.run([str(tool), str(peer.proc.pid), *args], check=True, stdout=subprocess.DEVNULL, timeout=60)


JFR_SETTINGS = ("settings=profile", "jdk.ExecutionSample#period=1ms", "jdk.ObjectAllocationInNewTLAB#enabled=true",
                "jdk.ObjectAllocationOutsideTLAB#enabled=true")


def one_run(args, run):
    ns = SimpleNamespace(java_cli=str(Path(args.tree) / "cli/target/parachute"),
                         java_launcher=str(Path(args.tree) / "launcher/target/launcher.jar"),
                         java_flags=f"{args.flags} -Xlog:gc,gc+heap=debug:file={args.out}/gc-{run}.log:time".strip(),
                         java_port=args.port, java_module_port=args.port + 20)
    peer = JavaHubPeer(ns)
    work = Path(tempfile.mkdtemp(prefix="status-window-"))
    try:
        ports = peer.prepare(work, args.modules)
        peer.launch()
        if not bench.wait_until(peer.ping, READY_TIMEOUT_S, 0.01):
            raise RuntimeError("the hub did not answer /health")
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all(m.get("supervisor_status") == "running" for m in peer.status()["modules"]):
            if time.monotonic() > deadline:
                raise RuntimeError("modules not running")
            time.sleep(0.1)
        while any(bench.health_pid(p) is None for p in ports):
            if time.monotonic() > deadline:
                raise RuntimeError("modules not answering")
            time.sleep(0.05)
        pid = peer.proc.pid
        if args.jfr:
            jcmd(peer, "JFR.start", "name=window", *JFR_SETTINGS)
        time.sleep(args.settle)
        peer.status()
        starts, lat = [], []
        t0 = time.time()
        for _ in range(args.calls):
            starts.append(time.time())
            a = time.perf_counter()
            peer.status()
            lat.append((time.perf_counter() - a) * 1000)
        t1 = time.time()
        if args.jfr:
            jcmd(peer, "JFR.dump", "name=window", f"filename={args.out}/rec-{run}.jfr")
        with open(f"{args.out}/window-{run}.txt", "w") as f:
            f.write(f"{pid} {t0} {t1}\n")
        with open(f"{args.out}/calls-{run}.json", "w") as f:
            json.dump({"starts": starts, "lat": lat}, f)
        return t0, t1, starts, lat
    finally:
        peer.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", default=str(HERE.parent), help="checkout whose cli/ and launcher/ builds run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--modules", type=int, default=20)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--settle", type=float, default=13.0)
    ap.add_argument("--port", type=int, default=32400, help="hub port; modules from port+20")
    ap.add_argument("--flags", default="", help="extra hub JVM flags")
    ap.add_argument("--jfr", action="store_true", help="record the window with JFR (see JfrWindow.java)")
    ap.add_argument("--out", default=None, help="directory for GC logs, recordings, window stamps")
    args = ap.parse_args()
    args.out = args.out or tempfile.mkdtemp(prefix="status-window-out-")
    os.makedirs(args.out, exist_ok=True)
    print(f"# output in {args.out}; load {os.getloadavg()[0]:.2f}")
    for run in range(args.runs):
        t0, t1, starts, lat = one_run(args, run)
        gcs = young_gcs(f"{args.out}/gc-{run}.log")
        inside = [(t, p) for t, p in gcs if t0 <= t <= t1]
        eden = [int(m.group(1)) for m in map(EDEN.search, open(f"{args.out}/gc-{run}.log")) if m]
        eden_kb = max(eden) if eden else 0
        ranked = sorted(range(len(lat)), key=lambda i: -lat[i])[:6]
        slow = []
        for i in ranked:
            hit = [p for t, p in gcs if starts[i] <= t <= starts[i] + lat[i] / 1000 + 0.002]
            slow.append(f"#{i} {lat[i]:.2f}" + (f" (GC {hit[0]:.1f})" if hit else ""))
        s = sorted(lat)
        print(f"run {run}: p50 {s[len(s) // 2]:.2f} ms, p99 {bench.pct([x / 1000 for x in lat], 99) * 1000:.2f} ms; "
              f"young GCs in the window {len(inside)} ({sum(p for _, p in inside):.1f} ms paused; eden {eden_kb} KB, "
              f">= {len(inside) * eden_kb / len(lat):.0f} KB allocated per call); slowest ms: {', '.join(slow)}",
              flush=True)


if __name__ == "__main__":
    main()
