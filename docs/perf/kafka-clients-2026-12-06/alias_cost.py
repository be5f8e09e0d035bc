"""CPU of Elasticsearch (its process tree, /proc) per GET /_alias/<alias> and per idle second.
python3 alias_cost.py ES_URL ES_PID N  -- creates kt-alias-000001 behind alias kt-alias, N calls on one keep-alive connection."""
import http.client, json, os, sys, time
url, pid, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = url.split('//')[1].split(':')
def tree_ticks(root):
    procs = {}
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            s = open(f'/proc/{p}/stat').read(); f = s[s.rfind(')') + 2:].split()
            procs[p] = (f[1], int(f[11]) + int(f[12]))
        except OSError: pass
    tree, grew = {root}, True
    while grew:
        more = {p for p, (pp, _) in procs.items() if pp in tree} - tree
        grew = bool(more); tree |= more
    return sum(procs[p][1] for p in tree if p in procs)
c = http.client.HTTPConnection(host, int(port))
def req(m, path, body=None):
    c.request(m, path, body=json.dumps(body) if body else None, headers={'Content-Type': 'application/json'})
    r = c.getresponse(); return r.status, r.read()
req('PUT', '/kt-alias-000001', {'aliases': {'kt-alias': {'is_write_index': True}}})
req('PUT', '/kt-alias-000000', {'aliases': {'kt-alias': {}}})
for _ in range(200): req('GET', '/_alias/kt-alias')
t0, c0 = time.time(), tree_ticks(pid); time.sleep(10); idle = (tree_ticks(pid) - c0) * 10 / (time.time() - t0)
t0, c0 = time.time(), tree_ticks(pid)
for _ in range(n): req('GET', '/_alias/kt-alias')
el, ms = time.time() - t0, (tree_ticks(pid) - c0) * 10
print(f'load {open("/proc/loadavg").read().split()[0]} idle {idle:.1f} ms/s; {n} GET /_alias in {el:.1f} s: ES {ms} ms, '
      f'{(ms - idle * el) / n:.3f} ms per call above idle, {el / n * 1000:.2f} ms wall per call')
req('DELETE', '/kt-alias-000001'); req('DELETE', '/kt-alias-000000')
