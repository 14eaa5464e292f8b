#!/usr/bin/env python3
"""Times a task's pool preview, commit (pool frozen, exclusions stored, trial draw), draw and
confirm through the HTTP API on a directory of many targets, then the engine alone (`ssj draw`)
on the same frozen pool as the reference. Usage: task_bench.py BASE_URL SSJ_BINARY WORK_DIR."""
import json
import os
import subprocess
import sys
import time
import urllib.request
import http.cookiejar

BASE, SSJ, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


def session(user, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    req = urllib.request.Request(BASE + "/api/v1/auth/login",
                                 data=json.dumps({"username": user, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    me = json.loads(opener.open(req).read())
    return opener, me["csrf_token"]


def call(s, method, path, body=None):
    opener, csrf = s
    req = urllib.request.Request(BASE + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
    start = time.perf_counter()
    with opener.open(req, timeout=600) as resp:
        raw = resp.read()
    return time.perf_counter() - start, raw


def main():
    s = session("yewu", "Demo@2026")
    _, items = call(s, "GET", "/api/v1/items?page_size=100")
    item_id = next(i["id"] for i in json.loads(items)["items"] if i["code"] == "CQJXW-JNZY-001")
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
    body = {"name": "性能测试任务", "item_ids": [item_id], "start_date": today,
            "end_date": today[:4] + "-12-31",
            "strata": [{"id": c, "ratio": "0.1"} for c in "ABCD"] + [{"id": "U", "ratio": "0.1"}],
            "team_size": 2, "region_rule": "any", "inspector_capacity": 1000,
            "participants": [{"department_id": 5}]}
    _, raw = call(s, "POST", "/api/v1/tasks", body)
    task = json.loads(raw)
    tid = task["id"]
    t_preview, raw = call(s, "GET", f"/api/v1/tasks/{tid}/pool-preview")
    preview = json.loads(raw)
    t_commit, raw = call(s, "POST", f"/api/v1/tasks/{tid}/commit",
                         {"scheduled_at": today + " 23:59"})
    secret = json.loads(raw)["secret"]
    dice = {"kind": "dice", "value": "31415926535897932384"}
    t_draw, raw = call(s, "POST", f"/api/v1/tasks/{tid}/draw", {"secret": secret, "public_input": dice})
    drawn = json.loads(raw)
    t_retry, _ = call(s, "POST", f"/api/v1/tasks/{tid}/draw", {"secret": secret, "public_input": dice})
    t_confirm, _ = call(s, "POST", f"/api/v1/tasks/{tid}/confirm")
    # The reference: the engine alone on the same request and pool, from files.
    record = drawn["record"]
    _, pool = call(s, "GET", f"/api/v1/tasks/{tid}/pool.csv")
    with open(os.path.join(WORK, record["request"]["targets_csv"]), "wb") as f:
        f.write(pool)
    with open(os.path.join(WORK, "request.json"), "w") as f:
        json.dump(record["request"], f, ensure_ascii=False)
    start = time.perf_counter()
    subprocess.run([SSJ, "draw", os.path.join(WORK, "request.json"), "--out",
                    os.path.join(WORK, "engine-record.json")], check=True, stdout=subprocess.DEVNULL)
    t_engine = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([SSJ, "verify", os.path.join(WORK, "engine-record.json")], check=True,
                   stdout=subprocess.DEVNULL)
    t_verify = time.perf_counter() - start
    selected = len(drawn["targets"])
    print(f"范围内 {preview['in_scope']} 个对象，可抽 {preview['pool_size']} 个，抽中 {selected} 个\n")
    print("| 步骤 | 耗时 | 同次运行的参照 | 比例 |")
    print("|---|---|---|---|")
    rows = [("预览抽取范围（不保存）", t_preview), ("冻结范围、公布承诺值（含排除清单、试抽取）", t_commit),
            ("抽取（揭示密钥、运行引擎、保存记录和名单）", t_draw), ("重试抽取（返回同一记录）", t_retry),
            ("确认锁定", t_confirm)]
    for name, t in rows:
        print(f"| {name} | {t:.2f} s | ssj draw 同一范围 {t_engine:.2f} s | {t / t_engine:.1f}× |")
    print(f"| ssj verify 同一记录 | {t_verify:.2f} s | — | — |")


if __name__ == "__main__":
    main()
