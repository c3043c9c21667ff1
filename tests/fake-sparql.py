#!/usr/bin/env python3
"""tests/fake-sparql.py: a small SPARQL server stand-in for the tests.

Usage: fake-sparql.py DIR

Listens on a free loopback port (written to DIR/port) and serves:
  PUT/POST /gsp?graph=IRI   a Graph Store; each body is saved as
                            DIR/body-N.ttl and logged
  POST /update              SPARQL Update (form update=); saved as
                            DIR/update-N.rq
  POST /sparql              SPARQL queries (form query=); answers with JSON
                            results that echo the query's length
  anything else             404
Requests need Basic auth kk:pw when DIR/need-auth exists. While DIR/hang
exists, a request is accepted and never answered (logged as "METHOD PATH
hang"). While
DIR/fail-next holds a number N > 0, the next N requests answer 503 (and N
is decreased). Every request is logged to DIR/log as
"METHOD PATH AUTH STATUS".
"""
import http.server
import os
import sys
import urllib.parse
import base64
import time

DIR = sys.argv[1]
counter = [0]


def log(line):
    with open(os.path.join(DIR, "log"), "a") as f:
        f.write(line + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", ctype="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="kk"')
        self.end_headers()
        self.wfile.write(body)
        auth = self.headers.get("Authorization", "-").split(" ")[0]
        log("%s %s %s %d" % (self.command, self.path, auth, status))

    def handle_any(self):
        if os.path.exists(os.path.join(DIR, "hang")):
            log("%s %s hang" % (self.command, self.path))
            while True:  # a daemon thread: gone with the server
                time.sleep(60)
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n) if n else b""
        url = urllib.parse.urlsplit(self.path)
        fail = os.path.join(DIR, "fail-next")
        if os.path.exists(fail):
            left = int(open(fail).read() or "0")
            if left > 0:
                open(fail, "w").write(str(left - 1))
                return self.answer(503, b"busy\n")
        if os.path.exists(os.path.join(DIR, "need-auth")):
            want = "Basic " + base64.b64encode(b"kk:pw").decode()
            if self.headers.get("Authorization") != want:
                return self.answer(401, b"who are you\n")
        counter[0] += 1
        if url.path == "/gsp" and self.command in ("PUT", "POST"):
            graph = urllib.parse.parse_qs(url.query).get("graph", [""])[0]
            name = "body-%d.ttl" % counter[0]
            with open(os.path.join(DIR, name), "wb") as f:
                f.write(body)
            with open(os.path.join(DIR, "graphs"), "a") as f:
                f.write("%s %s %s\n" % (self.command, graph, name))
            return self.answer(201 if self.command == "PUT" else 204)
        if url.path == "/update" and self.command == "POST":
            form = urllib.parse.parse_qs(body.decode("utf-8"))
            with open(os.path.join(DIR, "update-%d.rq" % counter[0]), "w",
                      encoding="utf-8") as f:
                f.write(form["update"][0])
            return self.answer(200)
        if url.path == "/sparql" and self.command == "POST":
            form = urllib.parse.parse_qs(body.decode("utf-8"))
            q = form.get("query", [""])[0]
            if "syntax error" in q:
                return self.answer(400, b"Parse error: line 1\nmore\n")
            if "bell" in q:
                return self.answer(400, b"\x1b[31mred\x07 \xed\x95\x9c\n")
            res = ('{"head":{"vars":["q","n"]},"results":{"bindings":['
                   '{"q":{"type":"literal","value":%s},'
                   '"n":{"type":"literal","datatype":'
                   '"http://www.w3.org/2001/XMLSchema#integer","value":"%d"}},'
                   '{"q":{"type":"uri","value":"http://ex/한"}}]}}'
                   % (json_str(q[:12]), len(q)))
            return self.answer(200, res.encode("utf-8"),
                               "application/sparql-results+json")
        return self.answer(404, b"no such thing here\n")

    do_PUT = do_POST = do_GET = do_DELETE = handle_any


def json_str(s):
    import json
    return json.dumps(s, ensure_ascii=False)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(DIR, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
server.serve_forever()
