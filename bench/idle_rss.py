#!/usr/bin/env python3
"""Hub RSS and idle CPU with 20 idle modules, whole hub command lines interleaved.

Usage: bench/idle_rss.py [--rounds 3] [--port-base 31690] [--breakdown] 'before=java ... -jar a/launcher.jar' 'after=...'
(BENCH_MODULE_PY names module.py when this checkout has no ../shared beside it; argv as `parachute serve --print-command` prints it; `env K=V` in front sets the hub's environment). Each launch gets
a fresh home whose services.json names 20 copies of ../shared/bench/module.py on consecutive ports; once all answer
and 10 s have passed, it takes the hub's idle CPU over 10 s and its RSS, then stops it with SIGTERM. Bounded waits; it
signals only the hub it started. --breakdown also prints, per launch, RSS split into anonymous and file-backed pages
(/proc/<pid>/smaps_rollup; a mapped CDS archive or AOT cache is file-backed), the biggest mappings, the threads by
name, and, when the argv has -XX:NativeMemoryTracking=summary, `jcmd <pid> VM.native_memory summary`.
"""
import argparse, collections, json, os, re, shlex, shutil, signal, socket, statistics, subprocess, tempfile, time
N = 20
MOD = os.environ.get("BENCH_MODULE_PY") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                                        "bench", "module.py")  # a git worktree elsewhere: set BENCH_MODULE_PY
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
def breakdown(pid, argv):
    roll = {l.split(":")[0]: l.split()[1] for l in open(f"/proc/{pid}/smaps_rollup") if l.split()[-1] == "kB"}
    print(f"  smaps_rollup kB: Rss {roll['Rss']} = anon {roll['Anonymous']} + file {int(roll['Rss']) - int(roll['Anonymous'])}"
          f" (shared clean {roll['Shared_Clean']}, private clean {roll['Private_Clean']}, private dirty {roll['Private_Dirty']})")
    maps, cur = collections.Counter(), None
    for l in open(f"/proc/{pid}/smaps"):
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", l):
            parts = l.split(); cur = parts[5] if len(parts) > 5 else "[anon]"
        elif l.startswith("Rss:"):
            maps[cur] += int(l.split()[1])
    print("  biggest mappings kB: " + ", ".join(f"{os.path.basename(k)} {v}" for k, v in maps.most_common(8)))
    names = collections.Counter(re.sub(r"[-#]?\d+$", "", open(f"/proc/{pid}/task/{t}/comm").read().strip())
                                for t in os.listdir(f"/proc/{pid}/task"))
    print(f"  threads {sum(names.values())}: " + ", ".join(f"{k}×{v}" for k, v in names.most_common()))
    if any(a.startswith("-XX:NativeMemoryTracking=") for a in argv):
        jcmd = os.path.join(os.path.dirname(argv[0]), "jcmd")
        out = subprocess.run([jcmd, str(pid), "VM.native_memory", "summary", "scale=KB"], capture_output=True,
                             text=True, timeout=60).stdout
        print("\n".join("   " + l.rstrip() for l in out.splitlines() if l.strip()))
def run(argv, base_port, hub_port, show):
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
    if argv[0] == "env":  # `env K=V ... java ...`: set them here, so the pid we measure is the JVM's
        argv = argv[1:]
        while "=" in argv[0]: k, v = argv.pop(0).split("=", 1); env[k] = v
    busy = [base_port + i for i in range(N) if up(base_port + i)] + ([hub_port] if up(hub_port) else [])
    if busy: raise SystemExit(f"ports {busy} already answer (a hub or module left over?)")
    p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        t = time.monotonic()
        while not all(up(base_port + i) for i in range(N)):
            if time.monotonic() - t > 120: raise RuntimeError("modules not up in 120 s")
            if p.poll() is not None: raise RuntimeError(f"hub exited {p.returncode}")
            time.sleep(0.2)
        time.sleep(10)
        c0 = cpu(p.pid); time.sleep(10); idle_cpu = (cpu(p.pid) - c0) / 100  # % of one core over 10 s
        r = rss(p.pid)
        if show: breakdown(p.pid, argv)
        p.send_signal(signal.SIGTERM); p.wait(timeout=30)
        return r, idle_cpu
    finally:
        if p.poll() is None:  # SIGTERM first: the hub stops its modules; SIGKILL would orphan them
            p.send_signal(signal.SIGTERM)
            try: p.wait(timeout=30)
            except subprocess.TimeoutExpired: p.kill(); p.wait(timeout=10)
        shutil.rmtree(w, ignore_errors=True)
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("variants", nargs="+", help="label=argv")
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--port-base", type=int, default=31690, help="hub ports from here, module ports from here + 10")
ap.add_argument("--breakdown", action="store_true")
opts = ap.parse_args()
if not os.path.isfile(MOD): raise SystemExit(f"no {MOD} (set BENCH_MODULE_PY to the harness's module.py)")
variants = [(a.split("=", 1)[0], shlex.split(a.split("=", 1)[1])) for a in opts.variants]
if opts.port_base + 10 + N * len(variants) > 65535: raise SystemExit("--port-base too high")
res = {k: [] for k, _ in variants}
for rnd in range(opts.rounds):
    for j, (k, argv) in enumerate(variants):
        print(f"round {rnd+1} {k}:", flush=True) if opts.breakdown else None
        try: r, c = run(argv, opts.port_base + 10 + N * j, opts.port_base + j, opts.breakdown)
        except RuntimeError as e:  # e.g. a module port taken by some client's ephemeral port: skip this launch
            print(f"round {rnd+1} {k}: failed ({e})", flush=True); continue
        res[k].append((r, c)); print(f"round {rnd+1} {k}: RSS {r:.1f} MB, idle CPU {c:.2f}%", flush=True)
print("load", open("/proc/loadavg").read().split()[:3])
first = None
for k, v in res.items():
    if not v: print(f"{k}: no successful launch"); continue
    m = statistics.median(x for x, _ in v); first = first or m
    print(f"{k}: RSS median {m:.1f} MB (×{m / first:.2f}), idle CPU median {statistics.median(y for _, y in v):.2f}%")
