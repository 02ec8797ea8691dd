"""A stand-in hub for the detached-arm tests: answers GET /health on 127.0.0.1:$PORT.

Environment: PORT (required); FAKE_SERVICE (default parachute-hub); FAKE_MODE = serve | exit | nobind | ignore-term.
"""
import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

mode = os.environ.get("FAKE_MODE", "serve")
service = os.environ.get("FAKE_SERVICE", "parachute-hub")
port = int(os.environ["PORT"])
print(f"fake hub starting (mode={mode}, port={port})", flush=True)

if mode == "exit":
    print("boom: cannot start", flush=True)
    sys.exit(3)
if mode == "ignore-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
else:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
if mode == "nobind":
    for _ in range(600):  # bounded: at most 60 s
        time.sleep(0.1)
    sys.exit(0)


class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/health":
            self.send_response(404)
            self.end_headers()
            return
        body = json.dumps({"status": "ok", "service": service, "version": "9.9.9", "db": "ok", "instance": "fake"}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", port), Health).serve_forever()
