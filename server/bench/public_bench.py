#!/usr/bin/env python3
"""Load on the public result search, through the real server, beside /api/v1/health.

Usage: public_bench.py DB_PATH BASE_URL RESULTS [SECONDS]

Publishes RESULTS results straight into the SQLite database of a demo (one record and one result
per target of the demo's inspecting task), then runs wrk on 127.0.0.1 against:
  - GET /api/v1/health (the reference: the HTTP stack and a database round trip);
  - GET /api/v1/public/results?q=<a random published USCC> (what firms and the public do);
  - GET /api/v1/public/results?q=<a name fragment> (a substring search over every result).
Prints one markdown row each with requests per second, p50 and p99, and the ratio to health.
wrk runs 2 threads and 32 connections for SECONDS (default 10) per endpoint.
"""
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile

DB, BASE, RESULTS = sys.argv[1], sys.argv[2].rstrip("/"), int(sys.argv[3])
SECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 10


def publish():
    con = sqlite3.connect(DB)
    task_id, department_id = con.execute(
        "SELECT id, department_id FROM tasks WHERE status = 'inspecting' ORDER BY id LIMIT 1").fetchone()
    now = "2026-11-20T02:00:00.000Z"
    targets = con.execute(
        "SELECT g.id, g.code, g.name FROM targets g WHERE g.kind = 'entity' AND NOT EXISTS "
        "(SELECT 1 FROM inspections r WHERE r.task_id = ? AND r.target_id = g.id) ORDER BY g.id LIMIT ?",
        (task_id, RESULTS)).fetchall()
    content = json.dumps({"items": [{"code": "CQJXW-JNZY-001", "name": "重点用能单位节能监察",
                                     "method": "现场检查", "results": ["未发现问题"], "handling": ""}],
                          "actions": [], "uninspectable": None}, ensure_ascii=False)
    with con:
        for target_id, code, name in targets:
            cur = con.execute(
                "INSERT INTO inspections (task_id, target_id, status, subject_name, uscc, created_at, "
                "updated_at) VALUES (?, ?, 'published', ?, ?, ?, ?)",
                (task_id, target_id, name, code, now, now))
            con.execute(
                "INSERT INTO results (inspection_id, version, current, task_id, target_id, target_code, "
                "target_name, department_id, inspected_on, summary, problem, content, published_at) "
                "VALUES (?, 1, 1, ?, ?, ?, ?, ?, '2026-11-19', '未发现问题', 0, ?, ?)",
                (cur.lastrowid, task_id, target_id, code, name, department_id, content, now))
    codes = [c for _, c, _ in targets]
    names = [n for _, _, n in targets]
    con.close()
    return codes, names


def wrk(path_lines, label):
    """Runs wrk over the paths (one chosen at random per request); returns (rps, p50, p99)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = os.path.join(tmp, "paths.txt")
        with open(paths, "w", encoding="utf-8") as f:
            f.write("\n".join(path_lines) + "\n")
        script = os.path.join(tmp, "paths.lua")
        with open(script, "w") as f:
            f.write(f"""
local paths = {{}}
for line in io.lines("{paths}") do paths[#paths + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
""")
        out = subprocess.run(["wrk", "-t2", "-c32", f"-d{SECONDS}s", "--latency", "-s", script, BASE],
                             capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{label}: {errors.group(1)} answers were not 2xx")
    return rps, pct(50), pct(99)


def quote(text):
    from urllib.parse import quote as q
    return q(text, safe="")


codes, names = publish()
rng = random.Random(7)
sample_codes = rng.sample(codes, min(1000, len(codes)))
fragments = sorted({n[2:6] for n in rng.sample(names, min(200, len(names)))})
health = wrk(["/api/v1/health"], "health")
by_code = wrk([f"/api/v1/public/results?q={c}" for c in sample_codes], "code")
by_name = wrk([f"/api/v1/public/results?q={quote(f)}&page_size=20" for f in fragments], "name")
print(f"### 公示结果查询，{len(codes)} 条已公示结果（wrk -t2 -c32 -d{SECONDS}s，127.0.0.1）")
print()
print("| 请求 | 每秒请求数 | p50 | p99 | 与 /api/v1/health 之比（吞吐） |")
print("|---|---|---|---|---|")
for label, (rps, p50, p99) in [("GET /api/v1/health（参照）", health),
                               ("按统一社会信用代码查询", by_code),
                               ("按名称片段查询（每页 20 条）", by_name)]:
    print(f"| {label} | {rps:,.0f} | {p50:.1f} ms | {p99:.1f} ms | {rps / health[0]:.2f} |")
