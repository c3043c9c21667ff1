# tests/virtuoso-lib.sh: a private Virtuoso 7 on loopback for the tests
# (sourced after lib.sh). Everything lives under $T/vt; the server is
# stopped by its pid when the test ends.
VT_BIN=$(command -v virtuoso-t 2>/dev/null || true)
VT_ISQL=$(command -v isql-vt 2>/dev/null || true)
VT_PASSWORD="kk$$secret"
VT_PID=

need_virtuoso() {
  [ -n "$VT_BIN" ] && [ -n "$VT_ISQL" ] ||
    skip "Virtuoso 7 (virtuoso-opensource-7) is not installed"
  command -v python3 >/dev/null || skip "python3 is not installed"
}

# Two free loopback ports, for SQL and HTTP.
vt_ports() {
  python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))'
}

vt_write_ini() {
  mkdir -p "$T/vt"
  cat >"$T/vt/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $T/vt/virtuoso.db
ErrorLogFile       = $T/vt/virtuoso.log
LockFile           = $T/vt/virtuoso.lck
TransactionFile    = $T/vt/virtuoso.trx
xa_persistent_file = $T/vt/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $T/vt/virtuoso-temp.db
TransactionFile    = $T/vt/virtuoso-temp.trx
Striping           = 0
[Parameters]
ServerPort         = 127.0.0.1:$VT_SQL
DisableUnixSocket  = 1
CheckpointInterval = 60
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
DirsAllowed        = .
CaseMode           = 2
[HTTPServer]
ServerPort         = 127.0.0.1:$VT_HTTP
ServerRoot         = $T/vt
ServerThreads      = 4
MaxKeepAlives      = 10
KeepAliveTimeout   = 10
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows   = 1000000
MaxQueryExecutionTime = 300
EOF
}

# vt_start: starts the server and waits until it answers over HTTP.
vt_start() {
  (cd "$T/vt" && "$VT_BIN" -c "$T/vt/virtuoso.ini" +wait) \
    >"$T/vt/start.out" 2>&1 || {
    cat "$T/vt/start.out" "$T/vt/virtuoso.log" 2>/dev/null | tail -20 >&2
    fail "Virtuoso did not start"
    finish
  }
  VT_PID=$(sed -n 's/^VIRT_PID=//p' "$T/vt/virtuoso.lck")
  _i=0
  until python3 - "$VT_HTTP" <<'EOF' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/sparql?query=ASK%%7B%%7D" % sys.argv[1], timeout=2)
EOF
  do
    _i=$((_i + 1))
    [ $_i -lt 100 ] || { fail "Virtuoso does not answer"; finish; }
    sleep 0.2
  done
}

# vt_boot: a private server on two free loopback ports (VT_SQL,
# VT_HTTP), started and answering, and stopped when the test exits.
vt_boot() {
  set -- $(vt_ports)
  VT_SQL=$1
  VT_HTTP=$2
  trap 'vt_stop; rm -rf "$T"' EXIT
  vt_write_ini
  vt_start
}

# vt_stop: stops the server by its pid and waits for it to go.
vt_stop() {
  [ -n "$VT_PID" ] || return 0
  kill "$VT_PID" 2>/dev/null
  _i=0
  while kill -0 "$VT_PID" 2>/dev/null && [ $_i -lt 150 ]; do
    sleep 0.2
    _i=$((_i + 1))
  done
  kill -9 "$VT_PID" 2>/dev/null
  VT_PID=
}

vt_isql() {
  "$VT_ISQL" "127.0.0.1:$VT_SQL" dba "$1" "exec=$2" >"$T/vt/isql.out" 2>&1
}

# The sockets the server listens on, as ADDRESS:PORT, from /proc.
vt_listening() {
  python3 - "$VT_PID" <<'EOF'
import os, sys
pid = sys.argv[1]
inodes = set()
for fd in os.listdir("/proc/%s/fd" % pid):
    try:
        t = os.readlink("/proc/%s/fd/%s" % (pid, fd))
    except OSError:
        continue
    if t.startswith("socket:["):
        inodes.add(t[8:-1])
for name in ("tcp", "tcp6"):
    with open("/proc/net/" + name) as f:
        next(f)
        for line in f:
            c = line.split()
            if c[3] != "0A" or c[9] not in inodes:
                continue
            addr, port = c[1].split(":")
            if name == "tcp":
                ip = ".".join(str(int(addr[i:i + 2], 16)) for i in (6, 4, 2, 0))
            else:
                ip = "[" + addr + "]"
            print("%s:%d" % (ip, int(port, 16)))
EOF
}
