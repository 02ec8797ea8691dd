#!/usr/bin/env python3
"""Hub RSS and idle CPU with 20 idle modules, whole hub command lines interleaved, 3 rounds.

Usage: bench/idle_rss.py 'before=java ... -jar a/launcher.jar' 'after=...'   (argv as `parachute serve --print-command`
prints it). Each launch gets a fresh home whose services.json names 20 copies of ../shared/bench/module.py on
consecutive ports; once all answer and 10 s have passed, it takes the hub's idle CPU over 10 s and its RSS, then stops
it with SIGTERM. Bounded waits; it signals only the hub it started.
"""
import json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
N = 20
MOD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench", "module.py")
def rss(pid):
    for l in open(f"/proc/{pid}/status"):
        if l.startswith("VmRSS:"): return int(l.split()[1]) / 1024
def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000 / os.sysconf("SC_CLK_TCK")
def up(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2): return True
    except OSError: return False
def run(argv, base_port, hub_port):
    w = tempfile.mkdtemp(prefix="rss20-"); home = os.path.join(w, "home"); os.makedirs(home)
    rows = []
    for i in range(N):
        inst = os.path.join(w, "m", f"m{i}", ".parachute"); os.makedirs(inst)
        json.dump({"name": f"m{i}", "port": base_port + i, "paths": [f"/m{i}"], "health": "/health", "version": "0",
                   "startCmd": ["python3", "-I", "-S", MOD]}, open(os.path.join(inst, "module.json"), "w"))
        rows.append({"name": f"m{i}", "port": base_port + i, "paths": [f"/m{i}"], "health": "/health", "version": "0",
                     "installDir": os.path.dirname(inst)})
    json.dump({"services": rows}, open(os.path.join(home, "services.json"), "w"))
    env = dict(os.environ, PARACHUTE_HOME=home, PORT=str(hub_port))
    p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        t = time.monotonic()
        while not all(up(base_port + i) for i in range(N)):
            if time.monotonic() - t > 120: raise SystemExit("modules not up in 120 s")
            time.sleep(0.2)
        time.sleep(10)
        c0 = cpu(p.pid); time.sleep(10); idle_cpu = (cpu(p.pid) - c0) / 100  # % of one core over 10 s
        r = rss(p.pid)
        p.send_signal(signal.SIGTERM); p.wait(timeout=30)
        return r, idle_cpu, len(os.listdir(f"/proc/{p.pid}/task")) if p.poll() is None else None
    finally:
        if p.poll() is None: p.kill(); p.wait(timeout=10)
        shutil.rmtree(w, ignore_errors=True)
variants = [(a.split("=", 1)[0], a.split("=", 1)[1].split()) for a in sys.argv[1:]]
res = {k: [] for k, _ in variants}
for rnd in range(3):
    for j, (k, argv) in enumerate(variants):
        r, c, _ = run(argv, 31700 + 40 * j, 31690 + j)
        res[k].append((r, c)); print(f"round {rnd+1} {k}: RSS {r:.1f} MB, idle CPU {c:.2f}%", flush=True)
print("load", open("/proc/loadavg").read().split()[:3])
for k, v in res.items():
    print(f"{k}: RSS median {statistics.median(x for x, _ in v):.1f} MB, idle CPU median {statistics.median(y for _, y in v):.2f}%")
