#!/usr/bin/env python3
"""Latency of the target list (GET /api/v1/targets) as staff use it, through the real server.

Usage: list_bench.py BASE_URL [ROUNDS]

Logs in as the demo accounts, then requests each search below ROUNDS times at pages spread over
the first 50, in an interleaved order so no search enjoys a warm cache the others do not. Prints
one markdown row per search (p50, p99, max, matches) and the p99 over all requests. Everything
runs on 127.0.0.1; the clock is the client's, so the figures include HTTP and JSON.
"""
import http.cookiejar
import json
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 30

# (label, account, query). RARE is a fragment of one target's name that few others share (see
# rare_fragment).
SEARCHES = [
    ("全部（管理员）", "admin", {}),
    ("行政相对人（kind=entity，页面默认）", "admin", {"kind": "entity"}),
    ("场地场所（kind=place）", "admin", {"kind": "place"}),
    ("名称包含“机械”", "admin", {"name": "机械"}),
    ("行政相对人 + 名称包含“机械”（页面上的搜索）", "admin", {"kind": "entity", "name": "机械"}),
    ("行政相对人 + 标签 严重违法失信（页面上的搜索）", "admin", {"kind": "entity", "tag": "严重违法失信"}),
    ("名称包含一个少见的片段（RARE）", "admin", {"name": "RARE"}),
    ("行政区划 渝中区 500103", "admin", {"division": "500103"}),
    ("行政区划 重庆市 500000（含下级）", "admin", {"division": "500000"}),
    ("经营状态 注销", "admin", {"status": "注销"}),
    ("信用风险分类 D", "admin", {"credit_class": "D"}),
    ("标签 严重违法失信", "admin", {"tag": "严重违法失信"}),
    ("行业大类 36", "admin", {"industry_division": "36"}),
    ("区划 500103 + 分类 C + 状态 存续", "admin",
     {"division": "500103", "credit_class": "C", "status": "存续"}),
    ("编码精确查找", "admin", {"code": "CODE"}),
    ("业务处室账号（本部门数据范围）", "yewu", {}),
    ("大足区账号 + 名称包含“有限公司”", "dazu", {"name": "有限公司"}),
]
PASSWORDS = {"admin": "Admin@2026", "yewu": "Demo@2026", "dazu": "Demo@2026"}


def session(user):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    body = json.dumps({"username": user, "password": PASSWORDS[user]}).encode()
    req = urllib.request.Request(BASE + "/api/v1/auth/login", data=body,
                                 headers={"Content-Type": "application/json"})
    opener.open(req).read()
    return opener


def get(opener, query):
    url = BASE + "/api/v1/targets?" + urllib.parse.urlencode(query)
    start = time.perf_counter()
    with opener.open(url) as resp:
        data = json.loads(resp.read())
    return (time.perf_counter() - start) * 1000, data


def rare_fragment(name):
    """Six characters after the place name: the two words and the trade of the bench's and the
    demo's generated names, a combination one name in some ten thousand has."""
    return name[2:8]


def main():
    openers = {user: session(user) for user in PASSWORDS}
    # A code that exists, for the exact look-up.
    _, first = get(openers["admin"], {"page": 1, "page_size": 1})
    code = first["items"][0]["code"] if first["items"] else "91500103MA60K3T26Y"
    _, deep = get(openers["admin"], {"page": 500, "page_size": 1})
    rare = rare_fragment(deep["items"][0]["name"]) if deep["items"] else "精密机械"
    rng = random.Random(7)
    plan = [(i, r) for r in range(ROUNDS) for i in range(len(SEARCHES))]
    rng.shuffle(plan)
    times = {i: [] for i in range(len(SEARCHES))}
    totals = {}
    for i, _ in plan:
        label, user, query = SEARCHES[i]
        q = {k: {"CODE": code, "RARE": rare}.get(v, v) for k, v in query.items()}
        q.update({"page": rng.randint(1, 50) if "code" not in q else 1, "page_size": 20})
        ms, data = get(openers[user], q)
        times[i].append(ms)
        totals[i] = ("≥ " if data.get("total_capped") else "") + str(data.get("total"))
    print("| 查询 | p50 | p99 | 最大 | 匹配数 |")
    print("|---|---|---|---|---|")
    everything = []
    for i, (label, _, _) in enumerate(SEARCHES):
        t = sorted(times[i])
        everything += t
        p99 = t[min(len(t) - 1, int(len(t) * 0.99))]
        print(f"| {label.replace('RARE', rare)} | {statistics.median(t):.1f} ms | {p99:.1f} ms | {t[-1]:.1f} ms "
              f"| {totals[i]} |")
    everything.sort()
    p99 = everything[min(len(everything) - 1, int(len(everything) * 0.99))]
    print(f"\n全部 {len(everything)} 次请求：p99 {p99:.1f} ms，最大 {everything[-1]:.1f} ms")


if __name__ == "__main__":
    main()
