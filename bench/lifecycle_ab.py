#!/usr/bin/env python3
"""A/B of the module lifecycle (restart, crash -> respawn, stop all) for two hub builds, interleaved in one run.

The peer benchmark takes one restart and one crash sample per rep; on a shared box that is too few to compare two
builds. This drives the same adapter (bench/parachute_java.py, the hub as shipped, N harness modules) and the same
probes as ../shared/bench, but takes --samples restarts and crashes per launch (each on another module, so the
crash budget of 3 per 60 s is never reached), then stop all (SIGTERM to the hub -> every module port closed).
Rounds alternate the variants. Prints every sample's median per launch, then medians over all samples, the ratio
to the first variant and the load average.

    bench/lifecycle_ab.py --rounds 4 --samples 6 --modules 20 --port 33000 --module-port 33010 \\
        --before-cmd "$(cd ../main-build && cli/target/parachute serve --print-command | tr '\\n' ' ')" \\
        --before-cli ../main-build/cli/target/parachute
With --floor, the harness's baseline-direct (no supervisor) joins the rounds for restart and stop all.
Variant "after" is this checkout's build (cli/target/parachute, launcher/target/launcher.jar); "before" is another
build given as its whole hub argv plus its CLI (as PARACHUTE_JAVA_BEFORE_CMD/_CLI for bench/run.sh).
"""
import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the harness, ../shared/bench beside this checkout (a worktree may sit one level deeper)
sys.path.insert(0, str(next((d for d in (HERE.parent.parent / "shared" / "bench", HERE.parent.parent.parent / "shared"
                                          / "bench") if (d / "bench.py").is_file()), HERE.parent.parent / "shared")))
sys.path.insert(0, str(HERE))

from bench import (DirectPeer, Tracker, Unsupported, health_pid, measure_replace, ms, now, poll_ports_ready, port_open,  # noqa: E402
                   run_in_thread, send_crash, wait_until)
import parachute_java  # noqa: E402

TIMEOUT_S = 60


class FloorPeer(DirectPeer):
    """baseline-direct on ports of our own choosing (the harness fixes 27400+, which other runs on a shared box use)."""

    def __init__(self, first_port):
        super().__init__()
        self.first_port = first_port

    def prepare(self, workdir, n):
        self.ports = [self.first_port + i for i in range(n)] if self.first_port else super().prepare(workdir, n)
        return self.ports


def one_launch(peer, n, samples, status_calls=0):
    workdir = Path(tempfile.mkdtemp(prefix="lifecycle-ab-"))
    tracker = Tracker()
    out = {"restart": [], "restart_gone": [], "crash": [], "stop_all": None}
    try:
        ports = peer.prepare(workdir, n)
        if any(port_open(p) for p in ports):
            raise SystemExit("a module port is in use before launch")
        t0 = now()
        peer.launch()
        if not wait_until(peer.ping, TIMEOUT_S, 0.005):
            raise SystemExit("hub did not answer")
        if not peer.boots_modules_on_launch:
            peer.start_all()
        if any(r is None for r in poll_ports_ready(ports, t0, TIMEOUT_S, tracker)):
            raise SystemExit("not all modules ready")
        time.sleep(1.0)
        for _ in range(status_calls):  # as the peer run: its status loop comes before the restart
            try:
                peer.status()
            except Unsupported:  # baseline-direct has no status API
                break
        for k in range(samples):
            i = k % n
            old = health_pid(ports[i])
            t0 = now()
            th, box = run_in_thread(lambda: peer.restart(i))  # as the harness: the probe times the port meanwhile
            gone, new = measure_replace(ports[i], old, t0, TIMEOUT_S, tracker, abort=lambda: "error" in box)
            th.join(TIMEOUT_S)
            if "error" in box:
                raise SystemExit(f"restart failed: {box['error']}")
            out["restart"].append(ms(new))
            out["restart_gone"].append(ms(gone))
            time.sleep(0.2)
        for k in range(samples if peer.respawns_on_crash else 0):
            c = (samples + k) % n
            old = health_pid(ports[c])
            t0 = now()
            send_crash(ports[c])
            gone, new = measure_replace(ports[c], old, t0, TIMEOUT_S, tracker)
            out["crash"].append(ms(new))
            time.sleep(0.2)
        if any(r is None for r in poll_ports_ready(ports, now(), TIMEOUT_S, tracker)):
            raise SystemExit("not all modules back before stop all")
        time.sleep(0.5)
        t0 = now()
        th, _ = run_in_thread(peer.stop_all)  # SIGTERM to the hub; timed, as by the harness, to every port closed
        wait_until(lambda: not any(port_open(p, 0.05) for p in ports), TIMEOUT_S, 0.005)
        out["stop_all"] = ms(now() - t0)
        th.join(TIMEOUT_S)
    finally:
        peer.shutdown()
        tracker.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--samples", type=int, default=6, help="restarts and crashes per launch")
    ap.add_argument("--modules", type=int, default=20)
    ap.add_argument("--port", type=int, default=parachute_java.HUB_PORT_DEFAULT, help="hub port (before: +1)")
    ap.add_argument("--module-port", type=int, default=parachute_java.MODULE_PORT_DEFAULT)
    ap.add_argument("--before-cmd", required=True)
    ap.add_argument("--before-cli", required=True)
    ap.add_argument("--java-flags", default="")
    ap.add_argument("--status-calls", type=int, default=0,
                    help="GET /api/modules calls before the first restart (the peer run makes 201: its restart is"
                         " then the first POST of a hub that has answered authenticated GETs)")
    ap.add_argument("--floor-port", type=int, default=0,
                    help="first module port of the floor (default: the harness's 27400+)")
    ap.add_argument("--floor", action="store_true",
                    help="also the harness's baseline-direct (no supervisor; its fixed ports 27400+): restart and stop"
                         " all only")
    opts = ap.parse_args()
    args = argparse.Namespace(java_cli=str(HERE.parent / "cli/target/parachute"),
                              java_launcher=str(HERE.parent / "launcher/target/launcher.jar"),
                              java_flags=opts.java_flags, java_port=opts.port, java_module_port=opts.module_port,
                              java_before_cmd=opts.before_cmd, java_before_cli=opts.before_cli)
    variants = [("before", parachute_java.EarlierJavaHubPeer), ("after", parachute_java.JavaHubPeer)]
    if opts.floor:
        variants.append(("floor", lambda _: FloorPeer(opts.floor_port)))
    results = {label: {"restart": [], "restart_gone": [], "crash": [], "stop_all": []} for label, _ in variants}
    for r in range(opts.rounds):
        for label, factory in (variants if r % 2 == 0 else list(reversed(variants))):
            out = one_launch(factory(args), opts.modules, opts.samples, opts.status_calls)
            for key in ("restart", "restart_gone", "crash"):
                results[label][key].extend(out[key])
            results[label]["stop_all"].append(out["stop_all"])
            print(f"round {r + 1} {label}: restart {statistics.median(out['restart']):.1f} ms (old gone "
                  f"{statistics.median(out['restart_gone']):.1f}), crash->respawn {median(out['crash']):.1f}"
                  f" ms, stop all {out['stop_all']:.1f} ms", flush=True)
    with open("/proc/loadavg") as f:
        print(f"load average at the end: {f.read().split()[:3]}")
    first = None
    print(f"medians over {opts.rounds} rounds ({opts.samples} restarts/crashes per launch, N={opts.modules}):")
    for label, _ in variants:
        med = {k: median(v) for k, v in results[label].items()}
        first = first or med
        ratio = " ".join(f"{k}×{med[k] / first[k]:.2f}" for k in med if med[k] and first[k])
        print(f"  {label:>7}: restart {med['restart']:.1f} ms, old gone {med['restart_gone']:.1f} ms, crash->respawn "
              f"{med['crash']:.1f} ms, stop all {med['stop_all']:.1f} ms   [{ratio}]")
    if opts.floor:
        floor = {k: median(v) for k, v in results["floor"].items()}
        for label in ("before", "after"):
            med = {k: median(v) for k, v in results[label].items()}
            print(f"  {label} / floor: restart ×{med['restart'] / floor['restart']:.2f}, stop all "
                  f"×{med['stop_all'] / floor['stop_all']:.2f}")


def median(values):
    return statistics.median(values) if values else float("nan")


if __name__ == "__main__":
    main()
