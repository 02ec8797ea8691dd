// The benchmark's module as the reference hub's modules are written (JavaScript on one event loop): every request
// gets the same 1 KiB body on 127.0.0.1:$PORT.
const http = require("http");
const body = Buffer.from("x".repeat(1023) + "\n");
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": body.length });
    res.end(body);
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("onekb listening on " + process.env.PORT));
