#!/usr/bin/env python3
"""A module to put behind the hub's front door in tests (stdlib only, HTTP/1.1 with keep-alive).

Binds 127.0.0.1:$PORT. Routes (any prefix: the path is matched by its last segments):
  GET  /health            200 {"ok": true}
  GET  .../big?mb=N       N MiB of zeros with a Content-Length, written in 64 KiB pieces
  POST .../upload         reads the body (Content-Length or chunked) and answers {"received": <bytes>}
  GET  .../sse?n=N&ms=M   text/event-stream, no length: N events "data: <i>", one every M ms, then closes
  GET  .../ws             WebSocket: echoes text and binary messages (subprotocol "echo" when asked), answers pings
  GET  .../crash          exits with code 3
  GET  .../setcookie?name=N  204 with Set-Cookie: N=planted for each name
  GET  anything else      200 JSON echo of the method, path (as received), query and the request headers
Environment: PM_BIND_DELAY_MS=<ms> waits before binding; PM_CRASH_AT_START=1 exits 3 at once.
"""
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
CHUNK = 64 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def route(self):
        parts = urlsplit(self.path)
        return parts.path.rstrip("/").rsplit("/", 1)[-1], parse_qs(parts.query)

    def send_json(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        last, query = self.route()
        if self.path == "/health":
            return self.send_json(200, {"ok": True})
        if last == "crash":
            os._exit(3)
        if last == "big":
            return self.big(int(query.get("mb", ["1"])[0]))
        if last == "sse":
            return self.sse(int(query.get("n", ["5"])[0]), int(query.get("ms", ["300"])[0]))
        if last == "ws" and self.headers.get("Upgrade", "").lower() == "websocket":
            return self.websocket()
        if last == "setcookie":
            self.send_response(204)
            for name in query.get("name", []):
                self.send_header("Set-Cookie", name + "=planted; Path=/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if last == "redirect":
            self.send_response(302)
            self.send_header("Location", query.get("to", ["/landing"])[0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.echo()

    def do_POST(self):
        last, _ = self.route()
        if last == "upload":
            return self.send_json(200, {"received": self.drain()})
        self.echo()

    def echo(self):
        parts = urlsplit(self.path)
        self.send_json(200, {"method": self.command, "path": parts.path, "query": parts.query,
                             "headers": {k.lower(): v for k, v in self.headers.items()}})

    def drain(self):
        total = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return total
                remaining = size
                while remaining:
                    got = self.rfile.read(min(CHUNK, remaining))
                    if not got:
                        return total
                    remaining -= len(got)
                    total += len(got)
                self.rfile.readline()
        remaining = int(self.headers.get("Content-Length", "0"))
        while remaining:
            got = self.rfile.read(min(CHUNK, remaining))
            if not got:
                break
            remaining -= len(got)
            total += len(got)
        return total

    def big(self, mib):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(mib * 1024 * 1024))
        self.end_headers()
        zeros = bytes(CHUNK)
        for _ in range(mib * 16):
            self.wfile.write(zeros)

    def sse(self, count, pause_ms):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()
        for i in range(count):
            self.wfile.write(("data: %d\n\n" % i).encode())
            self.wfile.flush()
            time.sleep(pause_ms / 1000.0)
        self.close_connection = True

    def websocket(self):
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        offered = [p.strip() for p in self.headers.get("Sec-WebSocket-Protocol", "").split(",") if p.strip()]
        if "echo" in offered:
            self.send_header("Sec-WebSocket-Protocol", "echo")
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        while True:
            frame = self.read_frame()
            if frame is None:
                return
            opcode, payload = frame
            if opcode in (1, 2):
                self.write_frame(opcode, payload)
            elif opcode == 9:
                self.write_frame(10, payload)
            elif opcode == 8:
                self.write_frame(8, payload[:2])
                return

    def read_frame(self):
        """One whole message (continuation frames joined); None at EOF."""
        message, opcode = b"", None
        while True:
            head = self.rfile.read(2)
            if len(head) < 2:
                return None
            fin, op = head[0] & 0x80, head[0] & 0x0F
            masked, length = head[1] & 0x80, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.rfile.read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.rfile.read(8))[0]
            mask = self.rfile.read(4) if masked else b"\0\0\0\0"
            data = bytearray(self.rfile.read(length))
            for i in range(len(data)):
                data[i] ^= mask[i % 4]
            if op >= 8:
                return op, bytes(data)
            if op != 0:
                opcode = op
            message += bytes(data)
            if fin:
                return opcode, message

    def write_frame(self, opcode, payload):
        head = bytes([0x80 | opcode])
        if len(payload) < 126:
            head += bytes([len(payload)])
        elif len(payload) < 65536:
            head += bytes([126]) + struct.pack(">H", len(payload))
        else:
            head += bytes([127]) + struct.pack(">Q", len(payload))
        self.wfile.write(head + payload)
        self.wfile.flush()


def main():
    if os.environ.get("PM_CRASH_AT_START") == "1":
        print("proxymodule: crashing at start as asked", file=sys.stderr, flush=True)
        sys.exit(3)
    delay = int(os.environ.get("PM_BIND_DELAY_MS", "0") or "0")
    if delay:
        time.sleep(delay / 1000.0)
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
    server.daemon_threads = True
    print("proxymodule pid=%d port=%s" % (os.getpid(), os.environ["PORT"]), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
