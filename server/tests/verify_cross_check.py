#!/usr/bin/env python3
"""Cross-check of `ssj draw` / `ssj verify` (C++) against the independent verifier
docs/verify/ssj_verify.py, which is written from docs/draw-protocol.md alone.

1. Generates many requests with fixed-seed random.Random instances (pool sizes 10 … 20 000,
   1–8 strata with ratios and counts, with and without teams, team sizes 2–4, joint tasks of
   2–3 departments, specialties, both region rules, conflicts, expired certificates, capacities,
   tight capacities that need phase 2, a request using targets_csv), runs
   `ssj draw REQ --out REC` and requires exit 0 and that the verifier reproduces the record
   exactly.  A request the verifier finds infeasible (§7) must also be refused by `ssj draw`.
2. Tampers with records (selected code, ticket, reserve, two team members swapped, seed, a
   target's region, the secret, one byte of the CSV) and requires that the verifier exits 1 and
   `ssj verify` exits non-zero for each; the untampered records must pass both.
3. Feeds infeasible and invalid requests and requires `ssj draw` to exit non-zero without
   writing the output file (and the verifier to refuse them too).
4. When docs/draw-test-vectors.json exists, checks the published vectors with the verifier.

Usage: verify_cross_check.py --ssj build/ssj [--keep]
Standard library only.  Prints one line per case and a summary; exits non-zero on any failure.
"""
import argparse
import copy
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VERIFY_PY = os.path.join(ROOT, "docs", "verify", "ssj_verify.py")
VECTORS = os.path.join(ROOT, "docs", "draw-test-vectors.json")
sys.path.insert(0, os.path.dirname(VERIFY_PY))
sys.dont_write_bytecode = True          # leave no __pycache__ in docs/verify
import ssj_verify as V  # noqa: E402

REGIONS = ["500101", "500102", "500103", "500104", "500105", "500106", "500107", "500108"]
DEPARTMENTS = ["CQJXW-ZHZF", "YZ-JXW", "SCJGJ", "HBJ-执法总队"]
SPECIALTIES = ["节能监察", "安全生产", "环境监测", "特种设备"]
RATIOS = ["0.03", "0.030", "0.1", "0.5", "1", "1.000", "0.000001", "0.25", "0.05", "0.333333",
          "0.2", "0.07"]
STRATUM_IDS = ["A", "B", "C", "D", "重点", "一般", "a", "Z-9", "低风险", "高风险", "AB"]
SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超"
DRAW_DATE = "2026-11-22"


class Fail(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# Request generation
# ----------------------------------------------------------------------------------------------


def target_code(rng, n, used):
    """Codes shaped like unified social credit codes, plus some odd ones (lower case, CJK,
    prefixes of others) so that byte order matters."""
    while True:
        r = rng.random()
        if r < 0.85:
            code = "91" + rng.choice(REGIONS) + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
                                                        for _ in range(10))
        elif r < 0.92:
            code = "91500" + str(n)            # short, often a prefix of another code
        elif r < 0.96:
            code = "个体-" + str(n) + rng.choice(["甲", "乙", "ä", "z"])
        else:
            code = rng.choice(["x", "X", "~", "a b"]) + str(n)
        if code not in used:
            used.add(code)
            return code


def make_request(rng, *, n_targets, n_strata, team=None, csv=False, region_pure=False,
                 tight=False, n_regions=4, beacon=False, blank_regions=False):
    """Build a request (dict) and, for csv=True, the CSV text.  Returns (request, csv_text)."""
    secret = rng.randbytes(32)
    n_strata = min(n_strata, n_targets)
    sids = rng.sample(STRATUM_IDS, n_strata)
    regions = rng.sample(REGIONS, n_regions)
    # population per stratum: at least one each
    stratum_of = list(range(n_strata)) + [rng.randrange(n_strata) for _ in range(n_targets - n_strata)]
    rng.shuffle(stratum_of)
    sizes = [stratum_of.count(h) for h in range(n_strata)]
    strata = []
    # with a team on a big pool, small ratios only: staffing thousands of targets makes a slow
    # test, not a better one
    ratios = RATIOS if not team or n_targets <= 2000 else ["0.000001", "0.001", "0.005", "0.01"]
    for h, sid in enumerate(sids):
        if rng.random() < 0.6:
            strata.append({"id": sid, "ratio": rng.choice(ratios)})
        else:
            hi = max(1, min(sizes[h], 40 if team else 300))
            c = rng.choice([1, hi, rng.randint(1, hi)])
            if rng.random() < 0.1 and sizes[h] <= hi:
                c = sizes[h]                    # count == N_h
            strata.append({"id": sid, "count": c})
    rng.shuffle(strata)                        # listing order must not matter
    stratum_region = {sid: regions[h % n_regions] for h, sid in enumerate(sids)}
    used = set()
    targets = []
    for n in range(n_targets):
        sid = sids[stratum_of[n]]
        if region_pure:
            region = stratum_region[sid]
        elif blank_regions and rng.random() < 0.05:
            region = ""
        else:
            region = rng.choice(regions)
        targets.append({"code": target_code(rng, n, used), "stratum": sid, "region": region})

    req = {"protocol": "ssj-draw/1",
           "task_id": f"CQJXW-2026-{rng.randrange(1000):03d}",
           "draw_date": DRAW_DATE,
           "strata": strata,
           "targets": targets,
           "targets_csv": None}
    csv_text = None
    if csv:
        csv_text = "code,stratum,region\n" + "".join(
            f"{t['code']},{t['stratum']},{t['region']}\n" for t in targets)
        del req["targets"]
        req["targets_csv"] = "pool.csv"

    inspectors, conflicts = [], []
    if team:
        s, m = team["size"], team["departments"]
        deps = rng.sample(DEPARTMENTS, m)
        lead = deps[0]
        dep_objs = [{"code": d, "specialty": (rng.choice(SPECIALTIES) if rng.random() < 0.4 else None)}
                    for d in deps]
        rng.shuffle(dep_objs)
        spec_of = {d["code"]: d["specialty"] for d in dep_objs}
        req["team"] = {"size": s, "lead_department": lead, "departments": dep_objs,
                       "region_rule": team["region_rule"]}
        # selected targets per region: exact when strata are region-pure, estimated otherwise
        ks = {}
        for st in strata:
            nh = sizes[sids.index(st["id"])]
            ks[st["id"]] = st["count"] if "count" in st else V.ratio_k(nh, st["ratio"])
        K = sum(ks.values())
        if team["region_rule"] == "any":
            need = {"*": K}
        elif region_pure:
            need = {r: 0 for r in regions}
            for sid, k in ks.items():
                need[stratum_region[sid]] += k
        else:
            present = sorted({t["region"] for t in targets})
            need = {r: int(K / len(present) * 1.6) + 3 for r in present}
        slack = 1.0 if tight else 1.3 + rng.random()
        counter = [0]

        def add(dep, region, cap, **over):
            counter[0] += 1
            sp = spec_of.get(dep)
            specs = rng.sample(SPECIALTIES, rng.randint(0, 2))
            if sp is not None:
                specs.append(sp)
            if rng.random() < 0.1 and specs:
                specs.append(specs[0])          # duplicates are removed in the digest
            insp = {"id": f"ZF-{counter[0]:04d}" if rng.random() < 0.9 else f"执法{counter[0]}",
                    "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", rng.choice(GIVEN)]),
                    "department": dep, "region": region if region != "*" else rng.choice(regions),
                    "specialties": specs, "certificate_valid_until": rng.choice(
                        ["2027-06-30", "2026-11-22", "2030-01-01"]),
                    "capacity": cap}
            insp.update(over)
            inspectors.append(insp)

        for region, k_r in need.items():
            if k_r == 0:
                continue
            any_share = {d: 0 for d in deps}
            for _ in range((s - m) * k_r):
                any_share[rng.choice(deps)] += 1
            for d in deps:
                total = int((k_r + any_share[d]) * slack + 0.999)
                n_i = max(s, -(-total // rng.randint(2, 12)))
                caps = [1] * n_i
                for _ in range(max(0, total - n_i)):
                    caps[rng.randrange(n_i)] += 1
                for c in caps:
                    add(d, region, min(c, 1000))
        # noise: unavailable inspectors (expired, no specialty, capacity 0, other department)
        for _ in range(rng.randint(0, 6)):
            kind = rng.randrange(4)
            d = rng.choice(deps)
            r = rng.choice(regions)
            if kind == 0:
                add(d, r, 5, certificate_valid_until=rng.choice(["2026-11-21", "2025-12-31"]))
            elif kind == 1 and spec_of[d] is not None:
                add(d, r, 5, specialties=[x for x in SPECIALTIES if x != spec_of[d]][:1])
            elif kind == 2:
                add(d, r, 0)
            else:
                add("OTHER-DEPT", r, 5)
        rng.shuffle(inspectors)
        # conflicts, including duplicates
        if inspectors:
            for _ in range(rng.randint(0, min(30, n_targets))):
                c = {"inspector": rng.choice(inspectors)["id"], "target": rng.choice(targets)["code"],
                     "reason": rng.choice(["亲属任职", "曾任职", "利害关系"])}
                conflicts.append(c)
                if rng.random() < 0.1:
                    conflicts.append(dict(c, reason="重复"))
    elif rng.random() < 0.3:
        # inspectors without a team are still part of the pool digest
        inspectors = [{"id": "ZF-0001", "name": "张伟", "department": "CQJXW-ZHZF", "region": "500103",
                       "specialties": ["节能监察"], "certificate_valid_until": "2027-06-30",
                       "capacity": 10}]
    req["inspectors"] = inspectors
    req["conflicts"] = conflicts
    req["commitment"] = V.commitment(secret).hex()
    req["secret"] = secret.hex()
    if beacon:
        req["public_input"] = {"kind": "beacon", "source": "drand quicknet",
                               "round": str(rng.randrange(10**7)), "value": rng.randbytes(48).hex()}
    else:
        req["public_input"] = {"kind": "dice",
                               "value": "".join(rng.choice("0123456789") for _ in range(rng.randint(20, 40)))}
    req["replacements"] = []
    req["recusals"] = []
    return req, csv_text


# ----------------------------------------------------------------------------------------------
# Running ssj and the verifier
# ----------------------------------------------------------------------------------------------


class Runner:
    def __init__(self, ssj, work):
        self.ssj, self.work = ssj, work
        self.n = 0

    def write_case(self, req, csv_text=None, csv_bytes=None):
        self.n += 1
        d = os.path.join(self.work, f"case{self.n:03d}")
        os.makedirs(d)
        path = os.path.join(d, "req.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(req, f, ensure_ascii=False, indent=1)
        if csv_text is not None:
            csv_bytes = csv_text.encode("utf-8")
        if csv_bytes is not None:
            with open(os.path.join(d, req.get("targets_csv") or "pool.csv"), "wb") as f:
                f.write(csv_bytes)
        return d, path

    def ssj_draw(self, req_path, out_path):
        return subprocess.run([self.ssj, "draw", req_path, "--out", out_path],
                              capture_output=True, text=True, timeout=120)

    def ssj_verify(self, rec_path):
        return subprocess.run([self.ssj, "verify", rec_path], capture_output=True, text=True,
                              timeout=120)


def py_verify_cli(rec_path):
    return subprocess.run([sys.executable, VERIFY_PY, rec_path], capture_output=True, text=True,
                          timeout=120)


def short(p):
    s = (p.stderr or p.stdout or "").strip().replace("\n", " | ")
    return s[:300]


def draw_and_check(runner, req, csv_text=None):
    """Run ssj draw; require the verifier to agree.  Returns (dir, record path, record, outcome)."""
    d, req_path = runner.write_case(req, csv_text)
    rec_path = os.path.join(d, "rec.json")
    try:
        V.draw(req, d)
        expect = "ok"
    except V.InfeasibleError as e:
        expect, why = "infeasible", str(e)
    except V.VerifyError as e:
        raise Fail(f"校验器拒绝了生成的请求：{e}")
    p = runner.ssj_draw(req_path, rec_path)
    if expect == "infeasible":
        if p.returncode == 0:
            exists = assignment_exists(req, d)
            raise Fail(f"校验器按 §7 伪代码认为无可行分配（{why[:160]}），但 ssj draw 退出码 0；"
                       f"最大流{'表明存在' if exists else '也表明不存在'}有效分配"
                       + ("（§7 第 2 阶段伪代码找不到它：与 §7 “no valid assignment” 的说法矛盾）"
                          if exists else ""))
        if os.path.exists(rec_path):
            raise Fail("ssj draw 失败却写出了记录文件")
        if assignment_exists(req, d):
            print(f"  注意：双方均判定无可行分配，但最大流表明存在有效分配（§7 第 2 阶段不完备）")
        return d, None, None, "infeasible"
    if p.returncode != 0:
        raise Fail(f"ssj draw 退出码 {p.returncode}：{short(p)}")
    record = V.load_json(rec_path)
    if record.get("request") != req:
        raise Fail("记录中的 request 与提交的请求不同（§10 “the request as given”）")
    try:
        V.verify_record(record, d)
    except V.VerifyError as e:
        raise Fail(f"校验器不能复现 ssj 的记录：{e}")
    q = runner.ssj_verify(rec_path)
    if q.returncode != 0:
        raise Fail(f"ssj verify 不接受 ssj draw 自己的记录：退出码 {q.returncode}：{short(q)}")
    return d, rec_path, record, "ok"


def assignment_exists(request, base_dir):
    """Whether any assignment satisfies every rule of §7, by maximum flow (diagnostics only):
    source → inspector (capacity) → (inspector, target) (1, when the inspector fits) →
    (target, slot class) → sink (number of slots of that class)."""
    req = V.parse_request(request, base_dir)
    sd = V.seed(req.task_id, V.pool_digest(req), req.secret, req.public)
    strata = V.draw_strata(req, sd)
    by_code = {t.code: t for st in req.strata for t in st.targets}
    sel = sorted(((bytes.fromhex(e["ticket"]), by_code[e["code"]]) for st in strata for e in st["selected"]),
                 key=lambda x: (x[0], V.bkey(x[1].code)))
    T = V._Teams(req, sd, sel)
    graph, ids = [], {}

    def node(key):
        if key not in ids:
            ids[key] = len(graph)
            graph.append([])
        return ids[key]

    def edge(a, b, c):
        graph[a].append([b, c, len(graph[b])])
        graph[b].append([a, 0, len(graph[a]) - 1])

    src, sink = node("s"), node("t")
    need = {}
    for c in T.classes:
        need[c] = need.get(c, 0) + 1
    for u in range(len(T.targets)):
        for c, n in need.items():
            edge(node(("c", u, c)), sink, n)
    lead = req.team.lead_department
    for i in T.L_any:
        edge(src, node(("i", i)), T.insp[i].capacity)
        dep = T.insp[i].department
        for u in range(len(T.targets)):
            if T.fits(i, u):
                it = node(("it", i, u))
                edge(node(("i", i)), it, 1)
                for c in need:
                    if c == "any" or (c == "lead" and dep == lead) or c == "dept:" + dep:
                        edge(it, node(("c", u, c)), 1)
    flow = 0
    while True:                                   # Dinic
        level = [-1] * len(graph)
        level[src] = 0
        queue = [src]
        for x in queue:
            for y, c, _ in graph[x]:
                if c > 0 and level[y] < 0:
                    level[y] = level[x] + 1
                    queue.append(y)
        if level[sink] < 0:
            break
        it_ = [0] * len(graph)

        def push(x, f):
            if x == sink:
                return f
            while it_[x] < len(graph[x]):
                e = graph[x][it_[x]]
                if e[1] > 0 and level[e[0]] == level[x] + 1:
                    got = push(e[0], min(f, e[1]))
                    if got:
                        e[1] -= got
                        graph[e[0]][e[2]][1] += got
                        return got
                it_[x] += 1
            return 0
        while True:
            f = push(src, 1 << 30)
            if not f:
                break
            flow += f
    return flow == len(T.targets) * T.s


def expect_tamper_rejected(runner, d, record, name, mutate, file_name="tampered.json"):
    rec = copy.deepcopy(record)
    mutate(rec)
    path = os.path.join(d, file_name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rec, f, ensure_ascii=False)
    p = py_verify_cli(path)
    if p.returncode != 1:
        raise Fail(f"{name}：ssj_verify.py 退出码 {p.returncode}（应为 1）：{short(p)}")
    q = runner.ssj_verify(path)
    if q.returncode == 0:
        raise Fail(f"{name}：ssj verify 退出码 0（应非零）")
    return short(p)


def expect_draw_refused(runner, req, csv_text=None, csv_bytes=None, verifier_error=V.VerifyError):
    d, req_path = runner.write_case(req, csv_text, csv_bytes)
    rec_path = os.path.join(d, "rec.json")
    try:
        V.draw(req, d)
    except verifier_error:
        pass
    else:
        raise Fail("校验器接受了应被拒绝的请求")
    p = runner.ssj_draw(req_path, rec_path)
    if p.returncode == 0:
        raise Fail("ssj draw 退出码 0（应非零）")
    if os.path.exists(rec_path):
        raise Fail("ssj draw 失败却写出了记录文件")
    return f"退出码 {p.returncode}：{short(p)[:120]}"


# ----------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------


def generated_specs():
    """Fixed list of request shapes; each gets its own seeded Random."""
    specs = []
    rng = random.Random(20261122)
    sizes = [10, 11, 25, 60, 150, 400, 1000, 3000, 8000, 20000]
    for n in range(36):
        size = sizes[n % len(sizes)]
        team = None
        if n % 4 != 3:
            m = rng.choice([1, 1, 2, 2, 3])
            s = rng.randint(max(2, m), 4)
            team = {"size": s, "departments": m,
                    "region_rule": rng.choice(["same_region", "any"])}
        specs.append(dict(seed=1000 + n, n_targets=size, n_strata=rng.randint(1, 8), team=team,
                          region_pure=(n % 3 == 0), tight=(n % 5 == 1), n_regions=rng.randint(1, 6),
                          beacon=(n % 7 == 2), blank_regions=(n % 6 == 5)))
    # targets_csv, with a team, a big pool
    specs.append(dict(seed=77, n_targets=20000, n_strata=5, csv=True, n_regions=4,
                      team={"size": 3, "departments": 2, "region_rule": "same_region"}))
    specs.append(dict(seed=78, n_targets=12, n_strata=3, csv=True, n_regions=2, team=None))
    # tight capacities with region-pure strata: phase 2 has work to do
    for n in range(6):
        specs.append(dict(seed=500 + n, n_targets=[40, 80, 200, 300, 120, 60][n], n_strata=4,
                          region_pure=True, tight=True, n_regions=3,
                          team={"size": [2, 3, 4, 3, 2, 4][n], "departments": [1, 2, 3, 2, 2, 2][n],
                                "region_rule": "same_region" if n % 2 == 0 else "any"}))
    return specs


def run(args):
    results = []
    t0 = time.time()
    work = tempfile.mkdtemp(prefix="ssj-verify-")
    runner = Runner(os.path.abspath(args.ssj), work)

    def case(name, fn):
        t = time.time()
        try:
            info = fn() or ""
            results.append((name, True))
            print(f"通过 {name} {info} ({time.time() - t:.2f} s)", flush=True)
        except Fail as e:
            results.append((name, False))
            print(f"失败 {name}：{e}", flush=True)
        except Exception as e:  # a bug in this script or an unexpected crash
            results.append((name, False))
            print(f"失败 {name}：{type(e).__name__}: {e}", flush=True)

    # 0. the verifier's own hand-computed checks
    case("verifier self-test", lambda: V.self_test())

    # 1. generated requests
    kept = {}
    counts = {"ok": 0, "infeasible": 0}
    for spec in generated_specs():
        spec = dict(spec)
        seed = spec.pop("seed")
        rng = random.Random(seed)
        name = (f"draw seed={seed} N={spec['n_targets']} strata={spec['n_strata']}"
                + (f" team={spec['team']['size']}/{spec['team']['departments']}/{spec['team']['region_rule']}"
                   if spec.get("team") else " no-team")
                + (" csv" if spec.get("csv") else "") + (" tight" if spec.get("tight") else ""))

        def one(rng=rng, spec=spec, seed=seed):
            req, csv_text = make_request(rng, **spec)
            d, rec_path, record, outcome = draw_and_check(runner, req, csv_text)
            counts[outcome] += 1
            if record is not None:
                if spec.get("team") and not spec.get("csv"):
                    best = kept.get("recusal-base")
                    if best is None or len(record.get("teams") or []) > len(best[2].get("teams") or []):
                        kept["recusal-base"] = (d, rec_path, record)
                kept.setdefault("csv" if spec.get("csv") and spec.get("team") else
                                "team" if spec.get("team") else "plain", (d, rec_path, record))
                ks = ",".join(str(s["k"]) for s in record["strata"])
                return f"k=[{ks}] teams={len(record.get('teams') or [])}"
            return "（双方均判定无可行分配）"
        case(name, one)

    # 2. the untampered records pass `ssj verify` and the verifier's command line
    for label, (d, rec_path, record) in sorted((k, v) for k, v in kept.items() if k != "recusal-base"):
        def untampered(rec_path=rec_path):
            p = py_verify_cli(rec_path)
            if p.returncode != 0:
                raise Fail(f"ssj_verify.py 退出码 {p.returncode}：{short(p)}")
            q = runner.ssj_verify(rec_path)
            if q.returncode != 0:
                raise Fail(f"ssj verify 退出码 {q.returncode}：{short(q)}")
        case(f"untampered {label} record: both verifiers accept", untampered)

    # 3. tampering
    def tampers(record, with_team, with_csv):
        """(name, mutation) pairs; each mutation changes one thing in a copy of the record."""
        out = []

        def first_stratum(r, key):
            return next(s for s in r["strata"] if s[key])

        def selected_code(r):
            # the last selected target of a stratum becomes its first reserve (or another code)
            st = first_stratum(r, "selected")
            e = st["selected"][-1]
            e["code"] = st["reserves"][0]["code"] if st["reserves"] else "X" + e["code"]
        out.append(("selected code", selected_code))

        def ticket(r):
            e = first_stratum(r, "selected")["selected"][0]
            e["ticket"] = ("1" if e["ticket"][0] == "0" else "0") + e["ticket"][1:]
        out.append(("ticket", ticket))

        if any(s["reserves"] for s in record["strata"]):
            def reserve(r):
                st = first_stratum(r, "reserves")
                st["reserves"][0]["code"] = st["selected"][0]["code"]
            out.append(("reserve", reserve))
        if with_team:
            def swap(r):
                # the last members of the first and the last team trade places; when that is the
                # same person, the first two members of the first team trade slots instead
                a, b = r["teams"][0]["members"], r["teams"][-1]["members"]
                if a[-1]["inspector"] != b[-1]["inspector"]:
                    a[-1]["inspector"], b[-1]["inspector"] = b[-1]["inspector"], a[-1]["inspector"]
                else:
                    a[0]["inspector"], a[1]["inspector"] = a[1]["inspector"], a[0]["inspector"]
            out.append(("two team members swapped", swap))

            def load(r):
                key = next(iter(r["loads"]))
                r["loads"][key] += 1
            out.append(("load", load))
        out.append(("seed", lambda r: r.update(seed=hashlib.sha256(r["seed"].encode()).hexdigest())))
        if not with_csv:
            def region(r):
                t = r["request"]["targets"][len(r["request"]["targets"]) // 2]
                t["region"] = "500199" if t["region"] != "500199" else "500198"
            out.append(("a target's region in the request", region))
        out.append(("secret", lambda r: r["request"].update(secret=hashlib.sha256(b"x").hexdigest())))
        out.append(("pool digest", lambda r: r.update(pool_digest="00" * 32)))
        return out

    for label, (d, rec_path, record) in sorted((k, v) for k, v in kept.items() if k != "recusal-base"):
        with_team = bool(record.get("teams"))
        with_csv = record["request"].get("targets_csv") is not None
        for n, (what, mutate) in enumerate(tampers(record, with_team, with_csv)):
            case(f"tamper {label}: {what}",
                 lambda d=d, record=record, what=what, mutate=mutate, n=n:
                 expect_tamper_rejected(runner, d, record, what, mutate, f"tampered{n}.json"))
        if with_csv:
            def csv_byte(d=d, record=record):
                d2 = d + "-csvbyte"
                shutil.copytree(d, d2)
                path = os.path.join(d2, record["request"]["targets_csv"])
                data = bytearray(open(path, "rb").read())
                pos = data.index(b"\n91") + 4           # a digit inside a code
                data[pos] = ord("0") if data[pos] != ord("0") else ord("1")
                open(path, "wb").write(bytes(data))
                return expect_tamper_rejected(runner, d2, record, "CSV byte", lambda r: None)
            case(f"tamper {label}: one byte of the CSV", csv_byte)

    # 4. infeasible and invalid requests
    base_rng = random.Random(4242)
    base, _ = make_request(base_rng, n_targets=30, n_strata=3, n_regions=2,
                           team={"size": 2, "departments": 1, "region_rule": "same_region"})

    def bad(name, mutate, verifier_error=V.VerifyError, csv_bytes=None):
        def fn():
            q = copy.deepcopy(base)
            mutate(q)
            return expect_draw_refused(runner, q, csv_bytes=csv_bytes, verifier_error=verifier_error)
        case(f"refuse {name}", fn)

    def few_inspectors(q):
        # a stratum drawn completely (ratio 1) in a region where only one inspector works
        q["strata"].append({"id": "全查", "ratio": "1"})
        for n in range(5):
            q["targets"].append({"code": f"915001990000000{n:02d}X", "stratum": "全查", "region": "500199"})
        q["inspectors"].append({"id": "ZF-9999", "name": "孤", "department": q["team"]["lead_department"],
                                "region": "500199", "specialties": [s for s in SPECIALTIES],
                                "certificate_valid_until": "2030-01-01", "capacity": 100})
    bad("infeasible: region with too few inspectors", few_inspectors, V.InfeasibleError)

    def expired(q):
        for i in q["inspectors"]:
            i["certificate_valid_until"] = "2026-11-21"
    bad("infeasible: every certificate expired", expired, V.InfeasibleError)
    bad("duplicate target codes", lambda q: q["targets"].append(dict(q["targets"][3])), V.RequestError)
    bad("empty stratum", lambda q: q["strata"].append({"id": "空层", "count": 1}), V.RequestError)

    def count_gt_n(q):
        sid = q["targets"][0]["stratum"]
        n = sum(1 for t in q["targets"] if t["stratum"] == sid)
        st = next(s for s in q["strata"] if s["id"] == sid)
        st.pop("ratio", None)
        st["count"] = n + 1
    bad("count > N_h", count_gt_n, V.RequestError)
    bad("unknown stratum", lambda q: q["targets"][5].update(stratum="未声明"), V.RequestError)
    bad("wrong secret", lambda q: q.update(secret=hashlib.sha256(b"wrong").hexdigest()), V.CommitmentError)
    bad("19 dice digits", lambda q: q.update(public_input={"kind": "dice", "value": "1234567890123456789"}),
        V.RequestError)
    bad("unknown field", lambda q: q.update(tema=q.get("team")), V.RequestError)
    bad("ratio and count both", lambda q: q["strata"][0].update(ratio="0.5", count=1), V.RequestError)
    bad("team.size 1", lambda q: q["team"].update(size=1), V.RequestError)
    bad("conflict names an unknown inspector",
        lambda q: q["conflicts"].append({"inspector": "无此人", "target": q["targets"][0]["code"], "reason": "x"}),
        V.RequestError)

    # 5. small named cases for known trouble spots
    def ratio_one_point_zero():
        q = copy.deepcopy(base)
        q.pop("team"); q["inspectors"] = []; q["conflicts"] = []
        for st in q["strata"]:
            st.pop("count", None)
            st["ratio"] = "1.000"
        _, _, record, _ = draw_and_check(runner, q)
        return f"k={[s['k'] for s in record['strata']]}"
    case("ratio \"1.000\" selects the whole stratum (§6 k = ceil(N·p/10^q))", ratio_one_point_zero)

    def phase2_minimal():
        # 2 targets, size 2, one department, capacities 1, 2, 1: a valid assignment exists
        # ({I0, I1} and {I1, I2}).  Phase 1 leaves one slot vacant; phase 2 finds it only
        # because an inspector met inside the vacant slot's own team is not added to `seen`
        # (§7 pseudocode, as corrected in commit 935f6f0).
        q = {"protocol": "ssj-draw/1", "task_id": "t", "draw_date": "2026-11-22",
             "strata": [{"id": "A", "ratio": "1"}],
             "targets": [{"code": "T0", "stratum": "A", "region": "r"},
                         {"code": "T1", "stratum": "A", "region": "r"}],
             "targets_csv": None,
             "team": {"size": 2, "lead_department": "D1",
                      "departments": [{"code": "D1", "specialty": None}], "region_rule": "any"},
             "inspectors": [{"id": f"I{n}", "name": "", "department": "D1", "region": "r",
                             "specialties": [], "certificate_valid_until": "2030-01-01",
                             "capacity": c} for n, c in enumerate([1, 2, 1])],
             "conflicts": [],
             "commitment": V.commitment(bytes(32)).hex(), "secret": bytes(32).hex(),
             "public_input": {"kind": "dice", "value": "00000000000000000387"},
             "replacements": [], "recusals": []}
        _, _, record, outcome = draw_and_check(runner, q)
        return "（双方均判定无可行分配）" if record is None else ""
    case("§7 phase 2 on a 2-target example that needs a move inside a team", phase2_minimal)

    # 5b. recusals (§9): swaps and withdrawals built from real records; C++ and the verifier
    # must agree on accepting or refusing each, and reproduce accepted ones exactly.
    def recusal_agree(req):
        d, req_path = runner.write_case(req)
        rec_path = os.path.join(d, "rec.json")
        try:
            V.draw(req, d)
            py = "ok"
        except V.VerifyError as e:
            py = type(e).__name__
        p = runner.ssj_draw(req_path, rec_path)
        if py == "ok" and p.returncode == 0:
            record = V.load_json(rec_path)
            try:
                V.verify_record(record, d)
            except V.VerifyError as e:
                raise Fail(f"校验器不能复现含回避的记录：{e}")
            if runner.ssj_verify(rec_path).returncode != 0:
                raise Fail("ssj verify 不接受 ssj draw 自己含回避的记录")
            return "accepted", d, rec_path, record
        if py != "ok" and p.returncode != 0:
            if os.path.exists(rec_path):
                raise Fail("ssj draw 拒绝却写出了记录文件")
            return "refused", d, None, None
        raise Fail(f"意见不一：校验器 {py}，ssj draw 退出码 {p.returncode}：{short(p)}")

    for label in ("recusal-base",):
        if label not in kept:
            continue
        d0, _, record0 = kept[label]
        teams = record0.get("teams") or []
        if len(teams) < 2:
            continue
        base_req = record0["request"]
        if base_req.get("targets_csv"):
            continue  # the CSV lives beside the original request; covered by the team record
        tally = {"accepted": 0, "refused": 0}

        def recusal_cases(base_req=base_req, teams=teams, tally=tally):
            variants = []
            last = len(teams[0]["members"]) - 1
            for a, b in [(0, 1), (0, 2), (1, 3), (2, 5), (3, 4)]:
                if b < len(teams):
                    variants.append([{"kind": "swap", "inspector": teams[a]["members"][last]["inspector"],
                                      "target": teams[a]["target"],
                                      "with_inspector": teams[b]["members"][last]["inspector"],
                                      "with_target": teams[b]["target"], "reason": "利害关系交换"}])
            for t in range(min(3, len(teams))):
                variants.append([{"kind": "withdraw", "inspector": teams[t]["members"][0]["inspector"],
                                  "reason": "病假",
                                  "public_input": {"kind": "dice", "value": f"{31415926535897932384 + t}"}}])
            variants.append(variants[0] + variants[-1])
            variants = [(recs, []) for recs in variants]
            # §8 replacements (before recusals): the last targets are found exempt.
            variants.append(([], [{"target": teams[-1]["target"], "reason": "已列入免检名单"}]))
            variants.append(([], [{"target": teams[-1]["target"], "reason": "已注销"},
                                  {"target": teams[-2]["target"], "reason": "已迁出"}]))
            variants.append((variants[0][0], [{"target": teams[-1]["target"], "reason": "已吊销"}]))
            variants.append(([], [{"target": teams[-1]["target"], "reason": "x"},
                                  {"target": teams[-1]["target"], "reason": "twice"}]))
            for recs, reps in variants:
                q = copy.deepcopy(base_req)
                q["recusals"] = recs
                q["replacements"] = reps
                outcome, d, rec_path, record = recusal_agree(q)
                tally[outcome] += 1
                if outcome == "accepted" and any(r["kind"] == "withdraw" for r in record["recusals"]):
                    bad = copy.deepcopy(record)
                    w = next(r for r in bad["recusals"] if r["kind"] == "withdraw")
                    w["wseed"] = "0" * 64
                    path = os.path.join(d, "tampered-wseed.json")
                    V.dump_json(bad, path) if hasattr(V, "dump_json") else open(path, "w").write(json.dumps(bad, ensure_ascii=False))
                    if py_verify_cli(path).returncode == 0 or runner.ssj_verify(path).returncode == 0:
                        raise Fail("篡改 wseed 的记录仍被接受")
            if tally["accepted"] == 0:
                raise Fail("没有一个回避请求被接受，测试失去意义")
            return f"接受 {tally['accepted']}，双方均拒绝 {tally['refused']}"
        case(f"replacements and recusals on the {label} record (§8, §9)", recusal_cases)

    # 6. published test vectors
    if os.path.exists(VECTORS):
        case("published test vectors (docs/draw-test-vectors.json)", lambda: check_vectors(VECTORS))
    else:
        print("跳过 published test vectors：docs/draw-test-vectors.json 不存在")

    ok = sum(1 for _, good in results if good)
    print(f"\n合计 {len(results)} 项，通过 {ok} 项，失败 {len(results) - ok} 项；"
          f"生成的请求中 {counts['ok']} 个得到记录，{counts['infeasible']} 个双方均判定无可行分配；"
          f"用时 {time.time() - t0:.1f} s")
    if args.keep:
        print(f"临时目录保留在 {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok == len(results) else 1


def phase1_vacancies(request, base_dir):
    """Number of slots left vacant by §7 phase 1 (and so filled by phase 2)."""
    req = V.parse_request(request, base_dir)
    if req.team is None:
        return 0
    sd = V.seed(req.task_id, V.pool_digest(req), req.secret, req.public)
    strata = V.draw_strata(req, sd)
    by_code = {t.code: t for st in req.strata for t in st.targets}
    sel = sorted(((bytes.fromhex(e["ticket"]), by_code[e["code"]]) for st in strata for e in st["selected"]),
                 key=lambda x: (x[0], V.bkey(x[1].code)))
    T = V._Teams(req, sd, sel)
    T.phase1()
    return sum(1 for team in T.assign for i in team if i is None)


def check_vectors(path):
    """Checks the published vectors with the verifier: each encoding it can name, and each
    case's record (verified exactly as a record file next to the vectors would be)."""
    data = V.load_json(path)
    if data.get("protocol") != V.PROTOCOL:
        raise Fail(f"向量文件的协议版本为 {data.get('protocol')!r}")
    base = os.path.dirname(path)
    zero = bytes(32)
    known = {
        'str("ab")': lambda: V.enc_str("ab").hex(),
        'str("中")': lambda: V.enc_str("中").hex(),
        'tag("pool")': lambda: V.tag("pool").hex(),
        'u32(1)': lambda: V.u32(1).hex(),
        'optstr(null)': lambda: V.optstr(None).hex(),
        'commitment of secret 00…00 (32 zero bytes)': lambda: V.commitment(zero).hex(),
        'canonical ratio of "0.030"': lambda: V.canonical_ratio("0.030"),
        'k for ratio 0.03 and N = 101': lambda: V.ratio_k(101, "0.03"),
    }
    checked, skipped = 0, []
    for e in data.get("encodings", []):
        what = e["what"]
        if what not in known:
            skipped.append(what)
            continue
        want = e.get("hex", e.get("text", e.get("value")))
        got = known[what]()
        if got != want:
            raise Fail(f"编码 {what}：向量 {want!r}，校验器 {got!r}")
        checked += 1
    for c in data["cases"]:
        name = c.get("name", "?")
        try:
            V.verify_record(c["record"], base)
        except V.VerifyError as e:
            raise Fail(f"向量 {name}：{e}")
        if "phase2_slots" in c:
            n = phase1_vacancies(c["record"]["request"], base)
            if n != c["phase2_slots"]:
                raise Fail(f"向量 {name}：phase2_slots 为 {c['phase2_slots']}，校验器第 1 阶段后空缺 {n} 个")
    return (f"{checked} 个编码、{len(data['cases'])} 个记录一致"
            + (f"；未识别的编码说明 {skipped}" if skipped else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ssj", required=True, help="path of the ssj executable (build/ssj)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return run(ap.parse_args())


if __name__ == "__main__":
    sys.exit(main())
