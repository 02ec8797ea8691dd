#!/usr/bin/env python3
"""A/B of the status metrics of the peer benchmark (its step 7), builds interleaved in one run.

Usage:
    bench/status_ab.py [--rounds 3] [--modules 20] [--supervisord] 'after=cli/target/parachute' \
        'before=/tmp/before/cli/target/parachute'
Each variant is `label=CLI wrapper`; its hub is what that CLI's `serve --print-command` prints for the launcher.jar
at ../../launcher/target/ beside the wrapper (as bench/parachute_java.py runs it). Each round launches every
variant in turn, the way the harness does: N modules from services.json, wait until all answer, settle, one
warm-up, --calls GETs of /api/modules with the operator token on one keep-alive connection (p50/p99 and the
hub's CPU time per call from /proc, which a loaded box disturbs far less than wall time), then --cli-calls
`parachute status` runs (p50, and the CPU time per call of the CLI's processes). `--supervisord` adds the harness's supervisord peer (XML-RPC getAllProcessInfo,
`supervisorctl status`) as the reference. Ports: hub 33600+k, modules 33620+20k (--port-base moves them).
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
# the shared harness, checked out beside this repository (PEERS_BENCH overrides, e.g. from a git worktree)
sys.path.insert(0, os.environ.get("PEERS_BENCH", str(HERE.parent.parent / "shared" / "bench")))
sys.path.insert(0, str(HERE))

import bench  # noqa: E402  (the shared harness: peers, probes)
from parachute_java import JavaHubPeer  # noqa: E402

READY_TIMEOUT_S = 60


class RangedSupervisord(bench.SupervisordPeer):
    """The harness's supervisord peer on this branch's bench ports instead of its fixed 27100+."""

    def __init__(self, rpc_port, module_port):
        super().__init__(rpc_port=rpc_port)
        self.module_port = module_port

    def prepare(self, workdir, n):
        super().prepare(workdir, n)
        conf = self.conf.read_text()
        conf = re.sub(r'PORT="27(\d{3})"', lambda m: f'PORT="{self.module_port + int(m.group(1)) - 100}"', conf)
        self.conf.write_text(conf)
        return [self.module_port + i for i in range(n)]


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def all_running(peer):
    """Every module running by the supervisor's own account (its status call)."""
    answer = peer.status()
    if isinstance(answer, dict):  # the Java hub: {"modules": [{"supervisor_status": ...}, ...]}
        return all(m.get("supervisor_status") == "running" for m in answer.get("modules", []))
    return all(p.get("statename") == "RUNNING" for p in answer)  # supervisord's getAllProcessInfo


def thread_cpu(pid):
    """Thread name → CPU ms so far, summed over threads of one name (the JIT, GC and request threads apart)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                head, tail = stat.read().rsplit(")", 1)
        except OSError:
            continue
        name = re.sub(r"[-#]?\d+$", "", head.split("(", 1)[1])
        fields = tail.split()
        out[name] = out.get(name, 0) + (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    return out


def one_round(peer, n, settle, calls, cli_calls, detail=False):
    work = Path(tempfile.mkdtemp(prefix="status-ab-"))
    try:
        ports = peer.prepare(work, n)
        peer.launch()
        if not bench.wait_until(peer.ping, READY_TIMEOUT_S, 0.01):
            raise RuntimeError(f"{peer.name}: no answer")
        if not peer.boots_modules_on_launch:
            peer.start_all()
        deadline = time.monotonic() + READY_TIMEOUT_S
        # ask the supervisor first: polling a port before its module binds can make the kernel pick that very port
        # as the probe's source (this bench range is inside the ephemeral range), and the module then cannot bind
        while not all_running(peer):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{peer.name}: modules not running: {peer.status()}"[:2000])
            time.sleep(0.1)
        while any(bench.health_pid(p) is None for p in ports):
            if time.monotonic() > deadline:
                down = [p for p in ports if bench.health_pid(p) is None]
                raise RuntimeError(f"{peer.name}: modules not ready on ports {down}")
            time.sleep(0.05)
        time.sleep(settle)
        pid = peer.daemon_pids()[0]
        peer.status()
        lat = []
        cpu0 = cpu_ms(pid)
        threads0 = thread_cpu(pid) if detail else {}
        for _ in range(calls):
            a = time.perf_counter()
            peer.status()
            lat.append(time.perf_counter() - a)
        cpu = (cpu_ms(pid) - cpu0) / calls
        if detail:
            threads1 = thread_cpu(pid)
            spent = sorted(((threads1[k] - threads0.get(k, 0), k) for k in threads1), reverse=True)[:6]
            print(f"  {peer.name}: CPU ms in the loop by thread: " + ", ".join(f"{k} {v:.0f}" for v, k in spent if v))
            worst = sorted(range(calls), key=lambda i: -lat[i])[:6]
            print(f"  {peer.name}: slowest calls (index: ms) "
                  + ", ".join(f"{i}: {lat[i] * 1000:.1f}" for i in worst)
                  + f"; quartile means {[round(statistics.mean(lat[q * calls // 4:(q + 1) * calls // 4]) * 1000, 2) for q in range(4)]}")
        cli = []
        children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        for _ in range(cli_calls):
            a = time.perf_counter()
            peer.status_cli()
            cli.append(time.perf_counter() - a)
        children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_cpu = sum(getattr(children1, f) - getattr(children0, f) for f in ("ru_utime", "ru_stime")) * 1000 / cli_calls
        return {"p50": bench.pct(lat, 50) * 1000, "p99": bench.pct(lat, 99) * 1000, "cpu": cpu,
                "cli": bench.pct(cli, 50) * 1000, "cli_cpu": cli_cpu}
    finally:
        peer.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("variants", nargs="+", help="label=path/to/cli/target/parachute[|extra hub JVM flags]")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--modules", type=int, default=20)
    ap.add_argument("--settle", type=float, default=13.0, help="after all modules answer (harness: settle + idle)")
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--cli-calls", type=int, default=10)
    ap.add_argument("--detail", action="store_true", help="print each round's slowest calls and quartile means")
    ap.add_argument("--supervisord", action="store_true", help="add the harness's supervisord peer as reference")
    ap.add_argument("--java-flags", default="", help="extra hub JVM flags for every Java variant")
    ap.add_argument("--port-base", type=int, default=33600,
                    help="hub ports base+k, supervisord base+10, modules base+20+20k (a helper's own bench range)")
    args = ap.parse_args()

    peers = []
    for k, spec in enumerate(args.variants):
        label, cli = spec.split("=", 1)
        cli, _, flags = cli.partition("|")  # 'label=cli|-XX:Flag ...': extra hub JVM flags for this variant only
        cli = Path(cli).resolve()
        ns = SimpleNamespace(java_cli=str(cli), java_launcher=str(cli.parent.parent.parent / "launcher/target/launcher.jar"),
                             java_flags=f"{args.java_flags} {flags}".strip(), java_port=args.port_base + k, java_module_port=args.port_base + 20 + 20 * k)
        peer = JavaHubPeer(ns)
        peer.name = label
        peers.append(peer)
    if args.supervisord:
        peers.append(RangedSupervisord(rpc_port=args.port_base + 10, module_port=args.port_base + 20 + 20 * len(peers)))
    for p in peers:
        why = p.available()
        if why:
            raise SystemExit(f"{p.name}: {why}")

    results = {p.name: [] for p in peers}
    for r in range(args.rounds):
        for p in peers:
            try:
                res = one_round(p, args.modules, args.settle, args.calls, args.cli_calls, args.detail)
            except RuntimeError as e:  # a module that could not start (see all_running): this round once more
                print(f"round {r + 1} {p.name}: {e}; once more", flush=True)
                res = one_round(p, args.modules, args.settle, args.calls, args.cli_calls, args.detail)
            results[p.name].append(res)
            print(f"round {r + 1} {p.name:14} api p50 {res['p50']:6.2f} ms  p99 {res['p99']:6.2f} ms  "
                  f"cpu/call {res['cpu']:5.2f} ms  cli p50 {res['cli']:6.1f} ms  cli cpu/call {res['cli_cpu']:6.1f} ms  (load {os.getloadavg()[0]:.2f})",
                  flush=True)
    first = peers[0].name
    print(f"\nmedians of {args.rounds} rounds ({args.calls} API calls, {args.cli_calls} CLI calls each); "
          f"ratio to {first}")
    base = {k: statistics.median(x[k] for x in results[first]) for k in ("p50", "p99", "cpu", "cli", "cli_cpu")}
    for name, rs in results.items():
        med = {k: statistics.median(x[k] for x in rs) for k in ("p50", "p99", "cpu", "cli", "cli_cpu")}
        print(f"{name:14} " + "  ".join(f"{k} {med[k]:7.2f} ({med[k] / base[k]:.2f}x)" for k in med))


if __name__ == "__main__":
    main()
