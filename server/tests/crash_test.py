#!/usr/bin/env python3
"""First checks graceful shutdown: SIGTERM while slow requests (logins, ~90 ms of argon2 each)
are in flight must let every one of them finish, and the server must exit 0.

Then kills `ssj serve` with SIGKILL in the middle of a burst of writes, again and again, and checks
after each kill that the database is consistent: `ssj audit verify` passes, and every role the
burst created has exactly one audit entry (no change without its entry, no entry without its
change). Standard library only.

Usage: crash_test.py --ssj build/ssj --db sqlite:/tmp/x.db [--rounds 20]
The database must be migrated and hold the demo data (admin / Admin@2026).
"""
import argparse
import contextlib
import http.cookiejar
import json
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def call(self, method, path, body=None, timeout=5):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if self.csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(req, timeout=timeout) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def login(self):
        status, body = self.call("POST", "/api/v1/auth/login",
                                 {"username": "admin", "password": "Admin@2026"})
        if status != 200:
            raise RuntimeError(f"login failed: {status} {body}")
        self.csrf = body["csrf_token"]


def wait_healthy(base, proc, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("ssj serve exited early")
        try:
            with urllib.request.urlopen(base + "/api/v1/health", timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("ssj serve did not become healthy")


@contextlib.contextmanager
def serving(ssj, db):
    """Starts `ssj serve` on a free port, waits until it is healthy, yields (process, base URL),
    and kills it on the way out if it is still running."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([ssj, "serve", "--db", db, "--listen", f"127.0.0.1:{port}",
                             "--no-access-log"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_healthy(base, proc)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def burst(client, tag, stop, counter):
    seq = 0
    while not stop.is_set():
        seq += 1
        code = f"crash_{tag}_{seq}"
        try:
            status, _ = client.call("POST", "/api/v1/roles", {
                "code": code, "name": "断电测试角色", "data_scope": "self", "permissions": []})
            if status == 201:
                counter.append(code)
        except OSError:
            return  # the server is gone


def rows(db, query):
    if db.startswith("sqlite:"):
        import sqlite3
        conn = sqlite3.connect(db[len("sqlite:"):])
        try:
            return [str(r[0]) for r in conn.execute(query)]
        finally:
            conn.close()
    out = subprocess.run(["psql", "-X", "-A", "-t", "-q", db, "-c", query],
                         capture_output=True, text=True, check=True)
    return out.stdout.split()


def consistency_query(db):
    """Test roles without exactly one creation entry, creation entries without a role, and the
    number of test roles stored (every acknowledged one must have survived the kill). Counted
    here rather than in SQL so that it stays linear on both backends."""
    from collections import Counter
    all_roles = set(rows(db, "SELECT id FROM roles"))
    test_roles = rows(db, "SELECT id FROM roles WHERE code LIKE 'crash_%'")
    entries = Counter(rows(db, "SELECT object_id FROM audit_log WHERE action = 'system:role:add'"))
    bad_roles = sum(1 for role_id in test_roles if entries[role_id] != 1)
    orphan_entries = sum(n for object_id, n in entries.items() if object_id not in all_roles)
    return bad_roles, orphan_entries, len(test_roles)


def graceful_round(ssj, db):
    results = []
    with serving(ssj, db) as (proc, base):

        def login():
            try:
                status, _ = Client(base).call("POST", "/api/v1/auth/login",
                                              {"username": "admin", "password": "Admin@2026"},
                                              timeout=15)
                results.append(status)
            except OSError as e:
                results.append(repr(e))

        threads = [threading.Thread(target=login) for _ in range(8)]
        for t in threads:
            t.start()
        # Long enough for all eight to be connected and sent on a busy 2-core machine; short
        # enough that most are still being hashed (argon2, about 90 ms each, 4 workers).
        time.sleep(0.25)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=20)
        for t in threads:
            t.join()
    ok = code == 0 and results == [200] * 8
    print(f"优雅停机: 退出码 {code}，进行中的 8 个请求结果 {results}：{'通过' if ok else '失败'}",
          flush=True)
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ssj", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--threads", type=int, default=6)
    args = parser.parse_args()
    if not graceful_round(args.ssj, args.db):
        return 1
    rng = random.Random(20261122)
    total_ok = 0
    for round_idx in range(1, args.rounds + 1):
        round_start = time.time()
        with serving(args.ssj, args.db) as (proc, base):
            clients = []
            for _ in range(args.threads):
                c = Client(base)
                c.login()
                clients.append(c)
            stop = threading.Event()
            created = []
            threads = [threading.Thread(target=burst, args=(c, f"{round_idx}_{i}", stop, created))
                       for i, c in enumerate(clients)]
            for t in threads:
                t.start()
            time.sleep(rng.uniform(0.2, 0.8))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stop.set()
            for t in threads:
                t.join()
        killed_at = time.time()
        verify = subprocess.run([args.ssj, "audit", "verify", "--db", args.db],
                                capture_output=True, text=True)
        verified_at = time.time()
        bad_roles, orphan_entries, stored = consistency_query(args.db)
        checked_at = time.time()
        total_ok += len(created)
        lost = max(0, total_ok - stored)
        print(f"第 {round_idx:2d} 轮: 被杀前成功写入 {len(created):4d} 次；"
              f"审计校验 {'通过' if verify.returncode == 0 else '失败'}；"
              f"无审计的变更 {bad_roles}，无变更的审计 {orphan_entries}，已确认但丢失 {lost}"
              f"（写入 {killed_at - round_start:.1f} s，校验 {verified_at - killed_at:.1f} s，"
              f"核对 {checked_at - verified_at:.1f} s）", flush=True)
        if verify.returncode != 0 or bad_roles or orphan_entries or lost:
            print(verify.stdout, verify.stderr, file=sys.stderr)
            return 1
    print(f"崩溃一致性测试通过: {args.rounds} 轮 SIGKILL，共 {total_ok} 次已确认写入")
    return 0


if __name__ == "__main__":
    sys.exit(main())
