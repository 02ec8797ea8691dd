#!/usr/bin/env python3
"""The hub WAR dropped into stock containers: container spawn -> first 200 from /health, and the container JVM's RSS.

Usage (after `mvn -q -DskipTests package`, which leaves hub-war/target/hub.war; the container distributions come from
the local Maven repository, where hub-war's integration tests cache them):
    bench/dropin.py [--runs 3] [--war hub-war/target/hub.war]
Tomcat 11.0.14 (`catalina.sh run`, its own CATALINA_BASE with only the HTTP port changed) and jetty-home 12.1.12
(`java -jar start.jar`, modules http + ee11-deploy), both with their default JVM flags, hub.war as webapps/ROOT.war,
PARACHUTE_HOME only, a fresh home per run (so it includes minting the signing key; the operator token waits for
the first request). RSS is read once /health answers, and again after 3 s (boot settled). Each run stops the
container with SIGTERM and checks it exited. Both containers are measured in the same invocation, interleaved.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

from startup import await_health, free_port, rss_mb  # same directory: one copy of the probes

TOMCAT = "11.0.14"
JETTY = "12.1.12"
M2 = os.path.expanduser("~/.m2/repository")
START_DEADLINE_S = 90
POLL_INTERVAL_S = 0.01
STOP_DEADLINE_S = 30
SETTLE_S = 3


def unpack(tarball, into):
    if not os.path.isfile(tarball):
        raise SystemExit(f"{tarball} missing: run hub-war's integration tests once (mvn -pl hub-war -am verify) to cache it")
    with tarfile.open(tarball) as tar:
        tar.extractall(into)


def clean_env(home):
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith(("PARACHUTE_", "CATALINA_", "JETTY_", "JAVA_OPT")) or k in ("PORT", "JRE_HOME"))}
    env["PARACHUTE_HOME"] = home
    return env


def tomcat_setup(work, war):
    dist = os.path.join(work, "tomcat")
    unpack(f"{M2}/org/apache/tomcat/tomcat/{TOMCAT}/tomcat-{TOMCAT}.tar.gz", dist)
    return os.path.join(dist, f"apache-tomcat-{TOMCAT}")


def tomcat_run(catalina_home, war, run_dir, home):
    base = os.path.join(run_dir, "catalina-base")
    for sub in ("logs", "temp", "webapps", "work"):
        os.makedirs(os.path.join(base, sub))
    shutil.copytree(os.path.join(catalina_home, "conf"), os.path.join(base, "conf"))
    port = free_port()
    server_xml = os.path.join(base, "conf", "server.xml")
    text = open(server_xml).read()
    text = text.replace('<Server port="8005"', '<Server port="-1"').replace(
        '<Connector port="8080" protocol="HTTP/1.1"', f'<Connector port="{port}" address="127.0.0.1" protocol="HTTP/1.1"')
    open(server_xml, "w").write(text)
    shutil.copy(war, os.path.join(base, "webapps", "ROOT.war"))
    env = clean_env(home)
    env.update(CATALINA_HOME=catalina_home, CATALINA_BASE=base)
    cmd = ["sh", os.path.join(catalina_home, "bin", "catalina.sh"), "run"]  # execs the JVM: the pid is Tomcat's
    return cmd, env, base, port


def jetty_setup(work, war):
    dist = os.path.join(work, "jetty")
    unpack(f"{M2}/org/eclipse/jetty/jetty-home/{JETTY}/jetty-home-{JETTY}.tar.gz", dist)
    return os.path.join(dist, f"jetty-home-{JETTY}")


def jetty_run(jetty_home, war, run_dir, home):
    base = os.path.join(run_dir, "jetty-base")
    os.makedirs(base)
    start_jar = os.path.join(jetty_home, "start.jar")
    subprocess.run(["java", "-jar", start_jar, "--add-modules=http,ee11-deploy"], cwd=base, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=START_DEADLINE_S)
    os.makedirs(os.path.join(base, "webapps"), exist_ok=True)
    shutil.copy(war, os.path.join(base, "webapps", "ROOT.war"))
    port = free_port()
    cmd = ["java", "-jar", start_jar, f"jetty.http.port={port}", "jetty.http.host=127.0.0.1"]
    return cmd, clean_env(home), base, port


def one_run(name, runner, dist, war):
    run_dir = tempfile.mkdtemp(prefix=f"dropin-{name}-")
    home = os.path.join(run_dir, "parachute-home")
    os.makedirs(home, mode=0o700)
    cmd, env, base, port = runner(dist, war, run_dir, home)
    log = open(os.path.join(run_dir, "console.log"), "w")
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        elapsed_ms = await_health(proc, port, started, f"{name} (see {run_dir}/console.log)",
                                  START_DEADLINE_S, POLL_INTERVAL_S)
        rss_up = rss_mb(proc.pid)
        time.sleep(SETTLE_S)
        rss_settled = rss_mb(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=STOP_DEADLINE_S)
        return elapsed_ms, rss_up, rss_settled
    finally:
        if proc.poll() is None:
            proc.kill()  # by pid: the one container this run started
            proc.wait(timeout=STOP_DEADLINE_S)
        log.close()
        shutil.rmtree(run_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--war", default=os.path.join(os.path.dirname(__file__), "..", "hub-war", "target", "hub.war"))
    args = parser.parse_args()
    war = os.path.abspath(args.war)
    if not os.path.isfile(war):
        raise SystemExit(f"{war} missing: mvn -q -DskipTests package")
    work = tempfile.mkdtemp(prefix="dropin-dists-")
    try:
        containers = [("tomcat", tomcat_run, tomcat_setup(work, war)), ("jetty", jetty_run, jetty_setup(work, war))]
        results = {name: [] for name, _, _ in containers}
        for run in range(1, args.runs + 1):
            for name, runner, dist in containers:
                ms, up, settled = one_run(name, runner, dist, war)
                results[name].append((ms, up, settled))
                print(f"run {run} {name:6s}: first /health {ms:7.0f} ms, RSS {up:6.1f} MB at first 200, "
                      f"{settled:6.1f} MB after {SETTLE_S} s", flush=True)
        load = "/".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\nmedians over {args.runs} run(s), java {java_version()}, load average {load}:")
        for name, rows in results.items():
            print(f"  {name:6s}: first /health {statistics.median(r[0] for r in rows):7.0f} ms, "
                  f"RSS {statistics.median(r[1] for r in rows):6.1f} MB at first 200, "
                  f"{statistics.median(r[2] for r in rows):6.1f} MB settled")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[0] if out else "?"


if __name__ == "__main__":
    sys.exit(main())
