#!/usr/bin/env python3
"""A stand-in Parachute module for tests (stdlib only).

Binds 127.0.0.1:$PORT and answers GET /health with 200 {"ok": true, "pid": <pid>}; GET /crash exits with code 3.
Behaviour is chosen by environment variables:
  TM_BIND_DELAY_MS=<ms>   wait this long before binding
  TM_BIND_WHEN_FILE=<p>   do not bind until the file <p> exists (polled every 20 ms, at most 120 s)
  TM_NEVER_BIND=1         never bind; just stay alive
  TM_CRASH_AT_START=1     print a line to stderr and exit 3 at once
  TM_EXIT_AFTER_MS=<ms>   exit on its own after <ms> with code TM_EXIT_CODE (default 0)
  TM_IGNORE_TERM=1        ignore SIGTERM (only SIGKILL ends it)
  TM_GRANDCHILD=1         become a wrapper: `sh -c '<python> testmodule.py --serve & wait'`, so the listener is
                          a grandchild of whoever spawned us and only a process-group signal reaches it
  TM_DAEMONIZE=1          daemonize the listener (fork, setsid, fork; stdio to /dev/null after it prints
                          "testmodule daemon pid=<pid>"): it is in another session, and only its inherited
                          environment ties it to us; the spawned process itself stays alive, never binding
  TM_SPAM=1               print 256 KiB of 'x' without a newline, then "\\nspam-done"
  TM_ECHO=<text>          echoed in the startup line
Startup line (stdout): "testmodule pid=<pid> port=<PORT> echo=<TM_ECHO>".
"""
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def env_int(name, default=0):
    try:
        return int(os.environ.get(name, ""))
    except ValueError:
        return default


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/crash":
            os._exit(3)
        if self.path == "/health":
            body = json.dumps({"ok": True, "pid": os.getpid()}).encode()
            self.send_response(200)
        else:
            body = json.dumps({"error": "not_found"}).encode()
            self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def become_wrapper():
    # exec keeps our pid (the spawned process becomes `sh`); the listener is sh's child
    os.execvp("sh", ["sh", "-c", '"$0" "$1" --serve & wait', sys.executable, os.path.abspath(__file__)])


def daemonize():
    """Returns in the daemon; the spawned process waits forever and never returns."""
    first = os.fork()
    if first == 0:
        os.setsid()
        if os.fork() == 0:
            print(f"testmodule daemon pid={os.getpid()}", flush=True)
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            return
        os._exit(0)
    os.waitpid(first, 0)
    while True:
        time.sleep(3600)


def spam():
    chunk = "x" * 4096
    for _ in range(64):
        sys.stdout.write(chunk)
        sys.stdout.flush()
    sys.stdout.write("\nspam-done\n")
    sys.stdout.flush()


def wait_for_file(path):
    deadline = time.monotonic() + 120
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.02)


def main():
    serving_grandchild = "--serve" in sys.argv[1:]
    if os.environ.get("TM_GRANDCHILD") == "1" and not serving_grandchild:
        become_wrapper()
    if os.environ.get("TM_DAEMONIZE") == "1":
        daemonize()
    if os.environ.get("TM_IGNORE_TERM") == "1":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    port = env_int("PORT")
    print(f"testmodule pid={os.getpid()} port={port} echo={os.environ.get('TM_ECHO', '')}", flush=True)
    if os.environ.get("TM_CRASH_AT_START") == "1":
        print("testmodule crashing at start", file=sys.stderr, flush=True)
        os._exit(3)
    exit_after = env_int("TM_EXIT_AFTER_MS", -1)
    if exit_after >= 0:
        code = env_int("TM_EXIT_CODE", 0)
        threading.Timer(exit_after / 1000.0, lambda: os._exit(code)).start()
    if os.environ.get("TM_SPAM") == "1":
        spam()
    if os.environ.get("TM_NEVER_BIND") == "1" or port <= 0:
        while True:
            time.sleep(3600)
    delay = env_int("TM_BIND_DELAY_MS")
    if delay > 0:
        time.sleep(delay / 1000.0)
    if os.environ.get("TM_BIND_WHEN_FILE"):
        wait_for_file(os.environ["TM_BIND_WHEN_FILE"])
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"testmodule listening on 127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
