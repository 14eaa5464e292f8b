#!/usr/bin/env python3
"""Independent verifier for the ssj draw protocol, version 1 (``ssj-draw/1``).

Written from ``docs/draw-protocol.md`` alone (section numbers below refer to it), with the Python
standard library only.  It recomputes a draw record from the request it contains and reports the
first difference.

Usage::

    python3 docs/verify/ssj_verify.py RECORD.json      # verify a record (§10)
    python3 docs/verify/ssj_verify.py --draw REQ.json  # print the record fields this verifier computes
    python3 docs/verify/ssj_verify.py --self-test      # hand-computed checks of the encodings (§2, §4, §6)

Exit codes: 0 the record reproduces; 1 a difference (the first one is printed), a commitment that
does not match the secret, or a request that has no valid team assignment (no record may exist
for it, §7); 2 the input cannot be read or the request is invalid (§3).

Library use::

    import ssj_verify as v
    req = v.parse_request(request_json, base_dir)   # §3 validation, raises RequestError
    v.pool_digest(req)                              # §4, 32 bytes
    v.seed(req.task_id, v.pool_digest(req), req.secret, req.public)   # §5
    v.draw(request_json, base_dir)                  # record fields (dict), raises on any error
    v.verify_record(record_json, base_dir)          # raises Mismatch / RequestError / ...
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import Any

PROTOCOL = "ssj-draw/1"

# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class VerifyError(Exception):
    """Base class.  ``exit_code`` is what the command line returns for it."""

    exit_code = 2


class RequestError(VerifyError):
    """The input is unreadable or the request breaks a rule of §3 (exit 2)."""

    exit_code = 2


class CommitmentError(VerifyError):
    """The secret does not match the commitment (§3, §5): no record may exist (exit 1)."""

    exit_code = 1


class InfeasibleError(VerifyError):
    """A slot stays vacant after phase 2 (§7): no record may exist (exit 1)."""

    exit_code = 1


class Mismatch(VerifyError):
    """A recomputed field differs from the record (§10, exit 1)."""

    exit_code = 1

    def __init__(self, path: str, expected: Any, found: Any, note: str = ""):
        self.path, self.expected, self.found, self.note = path, expected, found, note
        super().__init__(f"{path}: 期望 {_show(expected)} 实际 {_show(found)}"
                         + (f"（{note}）" if note else ""))


_MISSING = object()


def _show(v: Any) -> str:
    if v is _MISSING:
        return "（缺失）"
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 200 else s[:200] + "…"


# --------------------------------------------------------------------------------------------
# §2 Notation and encodings
# --------------------------------------------------------------------------------------------


def H(x: bytes) -> bytes:
    """§2: ``H(x)`` = SHA-256 of the byte string x."""
    return hashlib.sha256(x).digest()


def u8(n: int) -> bytes:
    """§2: 1-byte unsigned big-endian."""
    return n.to_bytes(1, "big")


def u32(n: int) -> bytes:
    """§2: 4-byte unsigned big-endian."""
    return n.to_bytes(4, "big")


def u64(n: int) -> bytes:
    """§2: 8-byte unsigned big-endian."""
    return n.to_bytes(8, "big")


def enc_str(s: str) -> bytes:
    """§2: ``str(s)`` = u32(byte length of s) ‖ UTF-8 bytes of s (no normalisation)."""
    b = s.encode("utf-8")
    return u32(len(b)) + b


def optstr(s: str | None) -> bytes:
    """§2: ``optstr(s)`` = u8(0) when absent, else u8(1) ‖ str(s)."""
    return u8(0) if s is None else u8(1) + enc_str(s)


def tag(t: str) -> bytes:
    """§2: ``tag(t)`` = str("ssj-draw-v1/" + t)."""
    return enc_str("ssj-draw-v1/" + t)


def bkey(s: str) -> bytes:
    """§2 byte order: strings compare by their UTF-8 bytes, unsigned, lexicographically."""
    return s.encode("utf-8")


def canonical_ratio(r: str) -> str:
    """§4: remove trailing zeros after the decimal point, then a trailing '.'."""
    if "." in r:
        r = r.rstrip("0").rstrip(".")
    return r


def ratio_k(n: int, ratio: str) -> int:
    """§6: k = ceil(N × p / 10^q) = (N × p + 10^q − 1) div 10^q, exactly in integers."""
    if "." in ratio:
        whole, frac = ratio.split(".")
    else:
        whole, frac = ratio, ""
    q = len(frac)
    p = int(whole + frac)
    d = 10 ** q
    return (n * p + d - 1) // d


# --------------------------------------------------------------------------------------------
# §3 The request
# --------------------------------------------------------------------------------------------

RATIO_RE = re.compile(r"0\.[0-9]{1,6}|1|1\.0{1,6}")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
HEX64_RE = re.compile(r"[0-9a-fA-F]{64}")
DICE_RE = re.compile(r"[0-9]{20,256}")

REQUEST_FIELDS = {"protocol", "task_id", "draw_date", "strata", "targets", "targets_csv", "team",
                  "inspectors", "conflicts", "commitment", "secret", "public_input",
                  "replacements", "recusals"}


@dataclass
class Target:
    code: str
    stratum: str
    region: str


@dataclass
class Stratum:
    id: str
    ratio: str | None       # as written
    count: int | None
    targets: list[Target] = field(default_factory=list)   # canonical order (by code)


@dataclass
class Department:
    code: str
    specialty: str | None


@dataclass
class Team:
    size: int
    lead_department: str
    departments: list[Department]      # canonical order (by code)
    region_rule: str


@dataclass
class Inspector:
    id: str
    name: str
    department: str
    region: str
    specialties: list[str]             # sorted, duplicates removed
    certificate_valid_until: str
    capacity: int


@dataclass
class Request:
    """A validated request (§3) with everything already in canonical order (§4)."""

    task_id: str
    draw_date: str
    strata: list[Stratum]
    team: Team | None
    inspectors: list[Inspector]
    conflicts: list[tuple[str, str]]   # sorted, duplicates removed
    commitment: bytes
    secret: bytes
    public: tuple[str, str, str, str]  # (kind, source, round, value)
    targets_csv: str | None = None
    pool_sha256: str | None = None     # hex SHA-256 of the CSV file's bytes when targets_csv is used
    recusals: list = field(default_factory=list)  # §9, as given (validated)
    replacements: list = field(default_factory=list)  # §8: (target code, reason), in order


def _fail(where: str, msg: str) -> None:
    raise RequestError(f"请求无效：{where}：{msg}")


def _check_text(v: Any, where: str) -> None:
    """§2: all text must be valid UTF-8 without NUL characters (checked on every string)."""
    if isinstance(v, str):
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            _fail(where, "不是有效的 UTF-8 文本")
        if "\x00" in v:
            _fail(where, "含有 NUL 字符")
    elif isinstance(v, dict):
        for k, x in v.items():
            _check_text(k, where)
            _check_text(x, f"{where}.{k}")
    elif isinstance(v, list):
        for n, x in enumerate(v):
            _check_text(x, f"{where}[{n}]")


def _obj(v: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(v, dict):
        _fail(where, "应为 JSON 对象")
    unknown = set(v) - required - set(optional)
    if unknown:
        _fail(where, f"未知字段 {', '.join(sorted(unknown))}")
    missing = required - set(v)
    if missing:
        _fail(where, f"缺少字段 {', '.join(sorted(missing))}")
    return v


def _string(v: Any, where: str, lo: int | None = None, hi: int | None = None) -> str:
    if not isinstance(v, str):
        _fail(where, "应为字符串")
    n = len(v.encode("utf-8"))
    if lo is not None and n < lo or hi is not None and n > hi:
        _fail(where, f"长度 {n} 字节，应为 {lo}–{hi if hi is not None else '∞'} 字节")
    return v


def _int(v: Any, where: str, lo: int, hi: int | None) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        _fail(where, "应为整数")
    if v < lo or hi is not None and v > hi:
        _fail(where, f"{v} 超出范围 {lo}–{hi if hi is not None else '∞'}")
    return v


def _list(v: Any, where: str) -> list:
    if not isinstance(v, list):
        _fail(where, "应为数组")
    return v


def _date(v: Any, where: str) -> str:
    """§3: ``YYYY-MM-DD``, a real (proleptic Gregorian) calendar date."""
    s = _string(v, where)
    if not DATE_RE.fullmatch(s):
        _fail(where, f"日期格式应为 YYYY-MM-DD：{s!r}")
    try:
        datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        _fail(where, f"不是真实的日期：{s!r}")
    if int(s[0:4]) < 1900:
        _fail(where, f"年份应为 1900–9999：{s!r}")
    return s


def _hex64(v: Any, where: str) -> bytes:
    s = _string(v, where)
    if not HEX64_RE.fullmatch(s):
        _fail(where, "应为 64 位十六进制数字")
    return bytes.fromhex(s)


def read_targets_csv(data: bytes, where: str = "targets_csv") -> list[dict]:
    """§3 ``targets_csv``: UTF-8, header ``code,stratum,region``, one target per line, no quoting.

    §3: lines end with LF or CRLF; a UTF-8 byte-order mark at the start and empty lines are
    ignored (spreadsheet exports carry both); a line without exactly three fields is an error.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        _fail(where, f"不是有效的 UTF-8：{e}")
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    lines = [ln for ln in lines if ln != ""]
    if not lines or lines[0] != "code,stratum,region":
        _fail(where, "表头应为 code,stratum,region")
    out = []
    for n, ln in enumerate(lines[1:], start=2):
        parts = ln.split(",")
        if len(parts) != 3:
            _fail(f"{where} 第 {n} 行", f"应有 3 个字段，实际 {len(parts)} 个")
        out.append({"code": parts[0], "stratum": parts[1], "region": parts[2]})
    return out


def _public_input(pi: Any, where: str) -> tuple[str, str, str, str]:
    """§3 public input: dice (20–256 ASCII digits) or a named beacon value."""
    if not isinstance(pi, dict):
        _fail(where, "应为 JSON 对象")
    if pi.get("kind") == "dice":
        _obj(pi, where, {"kind", "value"})
        v = _string(pi["value"], f"{where}.value")
        if not DICE_RE.fullmatch(v):
            _fail(f"{where}.value", f"骰子数字应为 20–256 个 ASCII 数字 0–9（实际 {len(v)} 个字符）")
        return ("dice", "", "", v)
    if pi.get("kind") == "beacon":
        _obj(pi, where, {"kind", "source", "round", "value"})
        return ("beacon",
                _string(pi["source"], f"{where}.source", 1, 256),
                _string(pi["round"], f"{where}.round", 1, 256),
                _string(pi["value"], f"{where}.value", 1, 256))
    _fail(f"{where}.kind", f"应为 dice 或 beacon，实际 {pi.get('kind')!r}")


def parse_request(req: Any, base_dir: str | None = ".", csv_bytes: bytes | None = None) -> Request:
    """Validate a request against every rule of §3 and bring it into canonical order (§4).

    ``base_dir`` is the directory ``targets_csv`` is relative to; ``csv_bytes`` may supply the
    file's contents instead.  Raises :class:`RequestError`.  The commitment is *not* checked here
    (see :func:`check_commitment`), so that a verifier can report it as a mismatch.
    """
    _obj(req, "request", {"protocol", "task_id", "draw_date", "strata", "commitment", "secret",
                          "public_input"}, REQUEST_FIELDS)
    _check_text(req, "request")
    if req["protocol"] != PROTOCOL:
        _fail("protocol", f"应为 {PROTOCOL!r}，实际 {req['protocol']!r}")
    task_id = _string(req["task_id"], "task_id", 1, 128)
    draw_date = _date(req["draw_date"], "draw_date")

    # strata
    strata_in = _list(req["strata"], "strata")
    if not 1 <= len(strata_in) <= 1000:
        _fail("strata", f"应有 1–1000 个分层，实际 {len(strata_in)} 个")
    strata: dict[str, Stratum] = {}
    for n, s in enumerate(strata_in):
        w = f"strata[{n}]"
        _obj(s, w, {"id"}, {"ratio", "count"})
        sid = _string(s["id"], f"{w}.id", 1, 64)
        if sid in strata:
            _fail(f"{w}.id", f"分层 {sid!r} 重复")
        ratio, count = s.get("ratio"), s.get("count")
        if (ratio is None) == (count is None):
            _fail(w, "ratio 与 count 必须恰好给出一个")
        if ratio is not None:
            _string(ratio, f"{w}.ratio")
            if not RATIO_RE.fullmatch(ratio):
                _fail(f"{w}.ratio", f"格式无效：{ratio!r}")
            if canonical_ratio(ratio) in ("0", ""):
                _fail(f"{w}.ratio", "比例必须大于零")
        else:
            _int(count, f"{w}.count", 1, None)
        strata[sid] = Stratum(sid, ratio, count)

    # targets or targets_csv
    csv_path = req.get("targets_csv")
    targets_in = req.get("targets")
    pool_sha = None
    if csv_path is not None:
        _string(csv_path, "targets_csv", 1, None)
        if targets_in is not None:
            _fail("targets", "给出 targets_csv 时不能同时给出 targets")
        if csv_bytes is None:
            path = os.path.join(base_dir or ".", csv_path)
            try:
                with open(path, "rb") as f:
                    csv_bytes = f.read()
            except OSError as e:
                _fail("targets_csv", f"无法读取 {path}：{e.strerror}")
        pool_sha = hashlib.sha256(csv_bytes).hexdigest()
        targets_in = read_targets_csv(csv_bytes)
        _check_text(targets_in, "targets_csv")
        where_t = "targets_csv 第 {} 行"
        row_offset = 2
    else:
        if targets_in is None:
            _fail("targets", "targets 与 targets_csv 必须给出一个")
        _list(targets_in, "targets")
        where_t = "targets[{}]"
        row_offset = 0
    codes: dict[str, Target] = {}
    for n, t in enumerate(targets_in):
        w = where_t.format(n + row_offset)
        _obj(t, w, {"code", "stratum", "region"})
        code = _string(t["code"], f"{w}.code", 1, 64)
        sid = _string(t["stratum"], f"{w}.stratum")
        region = _string(t["region"], f"{w}.region", 0, 16)
        if code in codes:
            _fail(f"{w}.code", f"检查对象代码 {code!r} 重复")
        if sid not in strata:
            _fail(f"{w}.stratum", f"未声明的分层 {sid!r}")
        tg = Target(code, sid, region)
        codes[code] = tg
        strata[sid].targets.append(tg)
    for st in strata.values():
        if not st.targets:
            _fail(f"strata[{st.id}]", "分层没有任何检查对象")
        if st.count is not None and st.count > len(st.targets):
            _fail(f"strata[{st.id}].count", f"count {st.count} 大于该层对象数 {len(st.targets)}")
        st.targets.sort(key=lambda t: bkey(t.code))

    # team
    team = None
    if req.get("team") is not None:
        tm = _obj(req["team"], "team", {"size", "lead_department", "departments", "region_rule"})
        size = _int(tm["size"], "team.size", 2, 10)
        deps_in = _list(tm["departments"], "team.departments")
        if not 1 <= len(deps_in) <= 10:
            _fail("team.departments", f"应有 1–10 个部门，实际 {len(deps_in)} 个")
        if len(deps_in) > size:
            _fail("team.departments", f"部门数 {len(deps_in)} 大于检查组人数 {size}")
        deps: dict[str, Department] = {}
        for n, d in enumerate(deps_in):
            w = f"team.departments[{n}]"
            _obj(d, w, {"code"}, {"specialty"})
            dc = _string(d["code"], f"{w}.code", 1, 64)
            if dc in deps:
                _fail(f"{w}.code", f"部门 {dc!r} 重复")
            sp = d.get("specialty")
            if sp is not None:
                _string(sp, f"{w}.specialty", 1, 64)
            deps[dc] = Department(dc, sp)
        lead = _string(tm["lead_department"], "team.lead_department")
        if lead not in deps:
            _fail("team.lead_department", f"{lead!r} 不是检查组部门之一")
        rule = tm["region_rule"]
        if rule not in ("same_region", "any"):
            _fail("team.region_rule", f"应为 same_region 或 any，实际 {rule!r}")
        team = Team(size, lead, sorted(deps.values(), key=lambda d: bkey(d.code)), rule)

    # inspectors
    inspectors: dict[str, Inspector] = {}
    for n, i in enumerate(_list(req.get("inspectors") or [], "inspectors")):
        w = f"inspectors[{n}]"
        _obj(i, w, {"id", "department", "certificate_valid_until", "capacity"},
             {"name", "region", "specialties"})
        iid = _string(i["id"], f"{w}.id", 1, 64)
        if iid in inspectors:
            _fail(f"{w}.id", f"检查人员 {iid!r} 重复")
        # §3: name, region and specialties may be omitted (empty).
        name = _string(i.get("name") or "", f"{w}.name", 0, 64)
        dep = _string(i["department"], f"{w}.department", 1, 64)
        region = _string(i.get("region") or "", f"{w}.region", 0, 16)
        specs = [_string(x, f"{w}.specialties[{m}]", 1, 64)
                 for m, x in enumerate(_list(i.get("specialties") or [], f"{w}.specialties"))]
        cert = _date(i["certificate_valid_until"], f"{w}.certificate_valid_until")
        cap = _int(i["capacity"], f"{w}.capacity", 0, 1000)
        inspectors[iid] = Inspector(iid, name, dep, region, sorted(set(specs), key=bkey),
                                    cert, cap)

    # conflicts
    conflicts = set()
    for n, c in enumerate(_list(req.get("conflicts") or [], "conflicts")):
        w = f"conflicts[{n}]"
        _obj(c, w, {"inspector", "target"}, {"reason"})
        ci = _string(c["inspector"], f"{w}.inspector")
        ct = _string(c["target"], f"{w}.target")
        if c.get("reason") is not None:
            _string(c["reason"], f"{w}.reason")
        if ci not in inspectors:
            _fail(f"{w}.inspector", f"检查人员 {ci!r} 不存在")
        if ct not in codes:
            _fail(f"{w}.target", f"检查对象 {ct!r} 不存在")
        conflicts.add((ci, ct))

    commitment = _hex64(req["commitment"], "commitment")
    secret = _hex64(req["secret"], "secret")

    public = _public_input(req["public_input"], "public_input")

    # §8 replacements, in order (the reserve taken is computed later, never supplied)
    replacements = []
    all_codes = {t.code for st in strata.values() for t in st.targets}
    for n, rp in enumerate(_list(req.get("replacements") or [], "replacements")):
        w = f"replacements[{n}]"
        _obj(rp, w, {"target", "reason"})
        code = _string(rp["target"], f"{w}.target")
        if code not in all_codes:
            _fail(f"{w}.target", f"检查对象 {code!r} 不存在")
        replacements.append((code, _string(rp["reason"], f"{w}.reason", 1, 512)))

    # §9 recusals, in order
    recusals = []
    target_codes = {t.code for st in strata.values() for t in st.targets}
    for n, rc in enumerate(_list(req.get("recusals") or [], "recusals")):
        w = f"recusals[{n}]"
        if not isinstance(rc, dict):
            _fail(w, "应为 JSON 对象")
        if team is None:
            _fail(f"{w}.kind", "没有检查组的抽取不能申报回避")
        if rc.get("kind") == "swap":
            _obj(rc, w, {"kind", "inspector", "target", "with_inspector", "with_target", "reason"})
            entry = {"kind": "swap"}
            for key in ("inspector", "with_inspector"):
                entry[key] = _string(rc[key], f"{w}.{key}")
                if entry[key] not in inspectors:
                    _fail(f"{w}.{key}", f"检查人员 {entry[key]!r} 不存在")
            for key in ("target", "with_target"):
                entry[key] = _string(rc[key], f"{w}.{key}")
                if entry[key] not in target_codes:
                    _fail(f"{w}.{key}", f"检查对象 {entry[key]!r} 不存在")
            if entry["target"] == entry["with_target"]:
                _fail(f"{w}.with_target", "交换须在两个不同的检查对象之间")
        elif rc.get("kind") == "withdraw":
            _obj(rc, w, {"kind", "inspector", "reason", "public_input"})
            entry = {"kind": "withdraw", "inspector": _string(rc["inspector"], f"{w}.inspector")}
            if entry["inspector"] not in inspectors:
                _fail(f"{w}.inspector", f"检查人员 {entry['inspector']!r} 不存在")
            entry["public"] = _public_input(rc["public_input"], f"{w}.public_input")
        else:
            _fail(f"{w}.kind", f"应为 swap 或 withdraw，实际 {rc.get('kind')!r}")
        entry["reason"] = _string(rc["reason"], f"{w}.reason", 1, 512)
        recusals.append(entry)

    return Request(task_id, draw_date,
                   sorted(strata.values(), key=lambda s: bkey(s.id)),
                   team,
                   sorted(inspectors.values(), key=lambda i: bkey(i.id)),
                   sorted(conflicts, key=lambda c: (bkey(c[0]), bkey(c[1]))),
                   commitment, secret, public, csv_path, pool_sha, recusals, replacements)


# --------------------------------------------------------------------------------------------
# §4 Pool digest, §5 commitment and seed
# --------------------------------------------------------------------------------------------


def stratum_digest(st: Stratum) -> bytes:
    """§4: stratum_digest_h = H(tag("stratum") ‖ str(id) ‖ rule ‖ u32(N) ‖ (str(code) ‖ str(region))…)."""
    b = [tag("stratum"), enc_str(st.id)]
    if st.ratio is not None:
        b.append(u8(1) + enc_str(canonical_ratio(st.ratio)))
    else:
        b.append(u8(2) + u32(st.count))
    b.append(u32(len(st.targets)))
    for t in st.targets:
        b.append(enc_str(t.code) + enc_str(t.region))
    return H(b"".join(b))


def pool_digest(req: Request) -> bytes:
    """§4: the pool digest over the canonical form of the request (32 raw bytes)."""
    b = [tag("pool"), enc_str(req.task_id), enc_str(req.draw_date), u32(len(req.strata))]
    b.extend(stratum_digest(st) for st in req.strata)
    tm = req.team
    if tm is None:
        b.append(u8(0))
    else:
        b.append(u8(1) + u32(tm.size) + enc_str(tm.lead_department) + enc_str(tm.region_rule)
                 + u32(len(tm.departments)))
        for d in tm.departments:
            b.append(enc_str(d.code) + optstr(d.specialty))
    b.append(u32(len(req.inspectors)))
    for i in req.inspectors:
        b.append(enc_str(i.id) + enc_str(i.name) + enc_str(i.department) + enc_str(i.region)
                 + u32(len(i.specialties)))
        b.extend(enc_str(s) for s in i.specialties)
        b.append(enc_str(i.certificate_valid_until) + u32(i.capacity))
    b.append(u32(len(req.conflicts)))
    for ci, ct in req.conflicts:
        b.append(enc_str(ci) + enc_str(ct))
    return H(b"".join(b))


def commitment(secret: bytes) -> bytes:
    """§5: commitment = H(tag("commit") ‖ secret), the secret as 32 raw bytes."""
    return H(tag("commit") + secret)


def public_bytes(kind: str, source: str, round_: str, value: str) -> bytes:
    """§5: public = str(kind) ‖ str(source) ‖ str(round) ‖ str(value) ("" for dice)."""
    return enc_str(kind) + enc_str(source) + enc_str(round_) + enc_str(value)


def seed(task_id: str, pool_digest_: bytes, secret: bytes, public: tuple[str, str, str, str]) -> bytes:
    """§5: seed = H(tag("seed") ‖ str(task_id) ‖ pool_digest ‖ secret ‖ public)."""
    return H(tag("seed") + enc_str(task_id) + pool_digest_ + secret + public_bytes(*public))


def check_commitment(req: Request) -> None:
    """§3/§5: the secret must match the commitment; raises :class:`CommitmentError`."""
    c = commitment(req.secret)
    if c != req.commitment:
        raise CommitmentError(f"commitment: 期望 {c.hex()} 实际 {req.commitment.hex()}"
                              "（secret 与 commitment 不符）")


# --------------------------------------------------------------------------------------------
# §6 Targets
# --------------------------------------------------------------------------------------------


def stratum_seed(seed_: bytes, stratum_id: str) -> bytes:
    """§6: stratum_seed_h = H(tag("target") ‖ seed ‖ str(id_h))."""
    return H(tag("target") + seed_ + enc_str(stratum_id))


def target_ticket(seed_: bytes, stratum_id: str, code: str) -> bytes:
    """§6: ticket_t = H(stratum_seed_h ‖ str(code_t))."""
    return H(stratum_seed(seed_, stratum_id) + enc_str(code))


def sample_size(st: Stratum) -> int:
    """§6: k_h = count, or ceil(N_h × ratio) computed exactly."""
    return st.count if st.count is not None else ratio_k(len(st.targets), st.ratio)


def draw_strata(req: Request, seed_: bytes) -> list[dict]:
    """§6: per stratum (canonical order) population, k, selected and reserves, in ticket order."""
    out = []
    for st in req.strata:
        n = len(st.targets)
        k = sample_size(st)
        sseed = stratum_seed(seed_, st.id)
        order = sorted(((H(sseed + enc_str(t.code)), t.code) for t in st.targets),
                       key=lambda x: (x[0], bkey(x[1])))
        r = min(n - k, max(k, 10))
        out.append({"id": st.id, "population": n, "k": k,
                    "selected": [{"code": c, "ticket": tk.hex()} for tk, c in order[:k]],
                    "reserves": [{"code": c, "ticket": tk.hex()} for tk, c in order[k:k + r]]})
    return out


# --------------------------------------------------------------------------------------------
# §7 Inspection teams
# --------------------------------------------------------------------------------------------


def inspector_ticket(seed_: bytes, iid: str) -> bytes:
    """§7: iticket_i = H(tag("inspector") ‖ seed ‖ str(id_i))."""
    return H(tag("inspector") + seed_ + enc_str(iid))


def slot_offset(seed_: bytes, code: str, j: int, n: int) -> int:
    """§7 scan order: o = u64(first 8 bytes of H(tag("slot") ‖ seed ‖ str(code_t) ‖ u32(j))) mod n."""
    h = H(tag("slot") + seed_ + enc_str(code) + u32(j))
    return int.from_bytes(h[:8], "big") % n


class _Teams:
    """State of §7 phase 1 and phase 2 for one request."""

    def __init__(self, req: Request, seed_: bytes, targets: list[tuple[bytes, Target]]):
        tm = req.team
        self.req, self.seed = req, seed_
        self.seed0 = seed_                                # the draw's seed; self.seed is the scan seed
        self.targets = [t for _, t in targets]            # target order
        self.s = tm.size
        self.m = len(tm.departments)
        team_deps = {d.code: d for d in tm.departments}
        self.insp = {i.id: i for i in req.inspectors}

        def available(i: Inspector) -> bool:
            d = team_deps.get(i.department)
            return (d is not None and i.certificate_valid_until >= req.draw_date
                    and i.capacity >= 1
                    and (d.specialty is None or d.specialty in i.specialties))

        avail = [i for i in req.inspectors if available(i)]
        itk = {i.id: inspector_ticket(seed_, i.id) for i in avail}

        def order(lst):
            return [i.id for i in sorted(lst, key=lambda i: (itk[i.id], bkey(i.id)))]

        self.L = {d: order([i for i in avail if i.department == d]) for d in team_deps}
        self.L_any = order(avail)
        others = [d.code for d in tm.departments if d.code != tm.lead_department]
        # slot classes and candidate lists (§7 "Slots")
        self.classes, self.cands = [], []
        for j in range(self.s):
            if j == 0:
                self.classes.append("lead")
                self.cands.append(self.L[tm.lead_department])
            elif j < self.m:
                self.classes.append("dept:" + others[j - 1])
                self.cands.append(self.L[others[j - 1]])
            else:
                self.classes.append("any")
                self.cands.append(self.L_any)
        self.conflicts = set(req.conflicts)
        self.same_region = tm.region_rule == "same_region"
        self.assign = [[None] * self.s for _ in self.targets]
        self.load = {i: 0 for i in self.L_any}
        self.held: dict[str, set[tuple[int, int]]] = {i: set() for i in self.L_any}
        self._scan_cache: dict[tuple[int, int], list[str]] = {}
        n_any = len(self.L_any)
        # §7 soft cap = ceil(number of targets × s / length of L_any)
        self.soft_cap = -(-len(self.targets) * self.s // n_any) if n_any else 0

    def fits(self, iid: str, u: int) -> bool:
        """§7 Fit: region rule holds and (i, t) is not a conflict pair."""
        t = self.targets[u]
        if self.same_region and self.insp[iid].region != t.region:
            return False
        return (iid, t.code) not in self.conflicts

    def scan(self, u: int, k: int) -> list[str]:
        """§7 Scan order of slot k of target u."""
        key = (u, k)
        r = self._scan_cache.get(key)
        if r is None:
            c = self.cands[k]
            n = len(c)
            if n == 0:
                r = []
            else:
                o = slot_offset(self.seed, self.targets[u].code, k, n)
                r = c[o:] + c[:o]
            self._scan_cache[key] = r
        return r

    def put(self, u: int, k: int, iid: str) -> None:
        self.assign[u][k] = iid
        self.held[iid].add((u, k))

    def greedy(self, u: int, j: int) -> None:
        """§7 Phase 1 for one slot: the soft-cap scan, then the capacity scan."""
        team = self.assign[u]
        cands = self.scan(u, j)
        pick = None
        for i in cands:
            if (self.fits(i, u) and i not in team
                    and self.load[i] < min(self.soft_cap, self.insp[i].capacity)):
                pick = i
                break
        if pick is None:
            for i in cands:
                if self.fits(i, u) and i not in team and self.load[i] < self.insp[i].capacity:
                    pick = i
                    break
        if pick is not None:
            self.put(u, j, pick)
            self.load[pick] += 1

    def phase1(self) -> None:
        """§7 Phase 1 (greedy with the soft cap)."""
        for u in range(len(self.targets)):
            for j in range(self.s):
                self.greedy(u, j)

    def apply_replacements(self, replacements: list[dict], by_code: dict) -> None:
        """§8 with a team: the replacement takes the replaced target's place; its slots are
        vacated and refilled by phase 1 (scan from the original seed and the new code) and 2."""
        for rp in replacements:
            u = next(n for n, t in enumerate(self.targets) if t.code == rp["target"])
            for k in range(self.s):
                i = self.assign[u][k]
                if i is not None:
                    self.held[i].discard((u, k))
                    self.load[i] -= 1
                    self.assign[u][k] = None
            self.targets[u] = by_code[rp["replacement"]]
            for k in range(self.s):
                self._scan_cache.pop((u, k), None)
            for k in range(self.s):
                self.greedy(u, k)
            left = [(u, k) for k in range(self.s)
                    if self.assign[u][k] is None and not self.augment(u, k)]
            if left:
                raise InfeasibleError(_explain(self, left))

    def apply_recusals(self, recusals: list) -> list[dict]:
        """§9: swaps and withdrawals in order; returns their record form."""
        index = {t.code: u for u, t in enumerate(self.targets)}
        out = []
        for n, rc in enumerate(recusals):
            w = f"recusals[{n}]"
            a = rc["inspector"]
            if rc["kind"] == "swap":
                b = rc["with_inspector"]
                t, u = index.get(rc["target"]), index.get(rc["with_target"])
                if t is None or a not in self.assign[t]:
                    raise RequestError(f"{w}.target: 该检查人员不在此检查对象的检查组中")
                if u is None or b not in self.assign[u]:
                    raise RequestError(f"{w}.with_target: 交换对象的检查人员不在该检查对象的检查组中")
                k, k2 = self.assign[t].index(a), self.assign[u].index(b)
                if not (a in self.cands[k2] and self.fits(a, u) and a not in self.assign[u]
                        and b in self.cands[k] and self.fits(b, t) and b not in self.assign[t]):
                    raise RequestError(f"{w}: 交换后检查组不再符合规则")
                self.held[a].discard((t, k)); self.held[b].discard((u, k2))
                self.put(t, k, b); self.put(u, k2, a)
                out.append({"kind": "swap", "inspector": a, "target": rc["target"],
                            "with_inspector": b, "with_target": rc["with_target"],
                            "reason": rc["reason"]})
                continue
            if a not in self.held or not self.held[a]:
                raise RequestError(f"{w}.inspector: 该检查人员不在任何检查组中")
            kind, source, round_, value = rc["public"]
            wseed = H(tag("withdraw") + self.seed0 + enc_str(a)
                      + public_bytes(kind, source, round_, value))
            vacant = sorted(self.held[a])
            for (u, k) in vacant:
                self.assign[u][k] = None
            self.held[a] = set()
            self.load[a] = 0
            for lst in list(self.L.values()) + [self.L_any]:
                if a in lst:
                    lst.remove(a)
            self.seed = wseed
            self._scan_cache.clear()
            for (u, k) in vacant:
                self.greedy(u, k)
            still = [(u, k) for (u, k) in vacant if self.assign[u][k] is None]
            left = [(u, k) for (u, k) in still if not self.augment(u, k)]
            if left:
                raise InfeasibleError(_explain(self, left))
            pi = {"kind": kind, "value": value} if kind == "dice" else \
                {"kind": kind, "source": source, "round": round_, "value": value}
            out.append({"kind": "withdraw", "inspector": a, "reason": rc["reason"],
                        "public_input": pi, "wseed": wseed.hex(),
                        "refilled": [{"target": self.targets[u].code, "slot": k,
                                      "inspector": self.assign[u][k]} for (u, k) in vacant]})
        return out

    def augment(self, t: int, j: int) -> bool:
        """§7 Phase 2: one breadth-first search for an augmenting path to vacant slot (t, j)."""
        start = (t, j)
        queue = deque([start])
        seen: set[str] = set()
        parent: dict[tuple[int, int], tuple[str, tuple[int, int]]] = {}
        while queue:
            u, k = queue.popleft()
            for i in self.scan(u, k):
                if i in seen or not self.fits(i, u):
                    continue
                team = self.assign[u]
                if i in team:                          # i may move inside u's team; that uses none
                    k2 = team.index(i)                 # of its spare capacity: NOT added to seen
                    if (u, k2) not in parent and (u, k2) != start:
                        parent[(u, k2)] = (i, (u, k))
                        queue.append((u, k2))
                    continue
                seen.add(i)
                if self.load[i] < self.insp[i].capacity:
                    self._apply(start, parent, i, (u, k))
                    return True
                for (v, q) in sorted(self.held[i]):    # target order, then slot order
                    if (v, q) not in parent and (v, q) != start:
                        parent[(v, q)] = (i, (u, k))
                        queue.append((v, q))
        return False

    def _apply(self, start, parent, i, cur) -> None:
        """§7 Applying a path: only the last inspector's load grows."""
        new = i
        self.load[i] += 1
        while True:
            if cur == start:
                self.put(*cur, new)
                return
            old, prev = parent[cur]
            self.held[old].discard(cur)
            self.put(*cur, new)
            new, cur = old, prev

    def phase2(self) -> list[tuple[int, int]]:
        """§7 Phase 2 over every vacant slot in target order then slot order; returns what stays vacant."""
        vacant = [(u, k) for u in range(len(self.targets)) for k in range(self.s)
                  if self.assign[u][k] is None]
        still = []
        for (u, k) in vacant:
            if not self.augment(u, k):
                still.append((u, k))
        return still

    def check_guarantees(self) -> None:
        """§7 Guarantees (internal consistency check of this verifier)."""
        tm = self.req.team
        for u, team in enumerate(self.assign):
            assert len(set(team)) == self.s, "team members not distinct"
            for k, i in enumerate(team):
                assert i in self.scan(u, k) and self.fits(i, u)
            assert self.insp[team[0]].department == tm.lead_department
            assert {d.code for d in tm.departments} <= {self.insp[i].department for i in team}
        for i, n in self.load.items():
            assert n == len(self.held[i]) <= self.insp[i].capacity


def draw_replacements(req: Request, strata: list[dict]) -> list[dict]:
    """§8: each replacement takes the first unused reserve of the replaced target's stratum."""
    selected = {e["code"]: st for st in strata for e in st["selected"]}
    used: dict[str, int] = {}
    seen: set[str] = set()
    out = []
    for n, (code, reason) in enumerate(req.replacements):
        st = selected.get(code)
        if st is None:
            raise RequestError(f"replacements[{n}].target: {code!r} 不是本次抽中的对象")
        if code in seen:
            raise RequestError(f"replacements[{n}].target: {code!r} 不能替换两次")
        seen.add(code)
        k = used.get(st["id"], 0)
        if k >= len(st["reserves"]):
            raise InfeasibleError(f"分层 {st['id']} 的备选对象已用完")
        used[st["id"]] = k + 1
        out.append({"target": code, "reason": reason, "stratum": st["id"],
                    "replacement": st["reserves"][k]["code"]})
    return out


def draw_teams(req: Request, seed_: bytes, strata: list[dict],
               replacements: list[dict] = ()) -> tuple[list[dict], dict[str, int], list[dict]]:
    """§7 and §9: staff every selected target, apply recusals; returns (teams, loads, recusals)
    in record form (§10)."""
    if req.team is None:
        return [], {}, []
    by_code = {t.code: t for st in req.strata for t in st.targets}
    sel = [(bytes.fromhex(e["ticket"]), by_code[e["code"]]) for st in strata for e in st["selected"]]
    sel.sort(key=lambda x: (x[0], bkey(x[1].code)))
    T = _Teams(req, seed_, sel)
    T.phase1()
    still = T.phase2()
    if still:
        raise InfeasibleError(_explain(T, still))
    T.apply_replacements(replacements, by_code)
    recusals = T.apply_recusals(req.recusals)
    T.check_guarantees()
    teams = []
    for u, t in enumerate(T.targets):
        teams.append({"target": t.code, "stratum": t.stratum, "region": t.region,
                      "members": [{"slot": k, "class": T.classes[k], "inspector": i}
                                  for k, i in enumerate(T.assign[u])]})
    loads = {i: T.load[i] for i in sorted(T.load, key=bkey) if T.load[i] > 0}
    return teams, loads, recusals


def _explain(T: _Teams, still: list[tuple[int, int]]) -> str:
    groups: dict[tuple[str, str], int] = {}
    for u, k in still:
        key = (T.targets[u].region, T.classes[k])
        groups[key] = groups.get(key, 0) + 1
    parts = [f"区域 {r or '（空）'} {c} 岗位缺 {n} 人次" for (r, c), n in sorted(groups.items())]
    return f"无可行的检查组分配（§7）：{len(still)} 个岗位空缺；" + "；".join(parts)


# --------------------------------------------------------------------------------------------
# The whole draw (§4–§7) and the record (§10)
# --------------------------------------------------------------------------------------------


def compute(req: Request) -> dict:
    """Record fields for a validated request whose commitment has been checked."""
    pd = pool_digest(req)
    sd = seed(req.task_id, pd, req.secret, req.public)
    strata = draw_strata(req, sd)
    replacements = draw_replacements(req, strata)
    teams, loads, recusals = draw_teams(req, sd, strata, replacements)
    out = {}
    if req.targets_csv is not None:
        out["pool_sha256"] = req.pool_sha256
    out.update({"pool_digest": pd.hex(), "commitment": commitment(req.secret).hex(),
                "seed": sd.hex(), "strata": strata, "replacements": replacements,
                "recusals": recusals, "teams": teams,
                "loads": loads})
    return out


def draw(request: Any, base_dir: str | None = ".") -> dict:
    """Validate ``request`` (a parsed JSON object, §3), check the commitment (§5) and return the
    record fields this verifier expects (§10): ``pool_sha256`` (with ``targets_csv``),
    ``pool_digest``, ``commitment``, ``seed``, ``strata``, ``teams``, ``loads``.

    Raises RequestError, CommitmentError or InfeasibleError when no record may be produced.
    """
    req = parse_request(request, base_dir)
    check_commitment(req)
    return compute(req)


def _compare(exp: Any, got: Any, path: str) -> None:
    """Raise Mismatch at the first place where ``got`` differs from ``exp`` (types included)."""
    if isinstance(exp, dict):
        if not isinstance(got, dict):
            raise Mismatch(path, exp, got)
        for k, v in exp.items():
            if k not in got:
                raise Mismatch(f"{path}.{k}", v, _MISSING)
            _compare(v, got[k], f"{path}.{k}")
        extra = [k for k in got if k not in exp]
        if extra:
            raise Mismatch(f"{path}.{extra[0]}", _MISSING, got[extra[0]], "记录中有多余字段")
    elif isinstance(exp, list):
        if not isinstance(got, list):
            raise Mismatch(path, exp, got)
        for n, (e, g) in enumerate(zip(exp, got)):
            _compare(e, g, f"{path}[{n}]")
        if len(exp) != len(got):
            raise Mismatch(f"{path}.length", len(exp), len(got))
    elif isinstance(exp, bool) or isinstance(got, bool) or type(exp) is not type(got) or exp != got:
        raise Mismatch(path, exp, got)


def verify_record(record: Any, base_dir: str | None = ".") -> dict:
    """§10 "Verifying a record": check the request (§3), the CSV file's hash, the commitment,
    the pool digest, the seed, every stratum and every team, and ``loads``; raise at the first
    difference.  Returns the recomputed fields on success.
    """
    if not isinstance(record, dict):
        raise RequestError("记录应为 JSON 对象")
    if record.get("protocol") != PROTOCOL:
        raise RequestError(f"不认识的协议版本 {record.get('protocol')!r}（本校验器只认识 {PROTOCOL}）")
    if "request" not in record:
        raise RequestError("记录缺少 request")
    request = record["request"]
    if "engine" in record and not isinstance(record["engine"], str):
        raise Mismatch("engine", "（字符串）", record["engine"])

    # The CSV file is hashed before it is parsed, so that any changed byte is reported as such.
    csv_bytes = None
    if isinstance(request, dict) and isinstance(request.get("targets_csv"), str):
        path = os.path.join(base_dir or ".", request["targets_csv"])
        try:
            with open(path, "rb") as f:
                csv_bytes = f.read()
        except OSError as e:
            raise RequestError(f"无法读取 targets_csv {path}：{e.strerror}")
        sha = hashlib.sha256(csv_bytes).hexdigest()
        _compare(sha, record.get("pool_sha256", _MISSING), "pool_sha256")

    req = parse_request(request, base_dir, csv_bytes)
    check_commitment(req)
    exp = compute(req)

    order = ["pool_sha256", "commitment", "pool_digest", "seed", "strata", "replacements", "recusals",
             "teams", "loads"]
    for key in order:
        if key not in exp:
            continue
        got = record.get(key, _MISSING)
        if key == "teams" and got is _MISSING and not exp["teams"]:
            continue      # "Absent ([]) without a team"
        if key in ("loads", "recusals", "replacements") and got is _MISSING and not exp[key]:
            continue
        if key == "strata" and isinstance(got, list):
            for n, (e, g) in enumerate(zip(exp["strata"], got)):
                _compare(e, g, f"strata[{e['id']}]")
            _compare(len(exp["strata"]), len(got), "strata.length")
            continue
        if key == "teams" and isinstance(got, list):
            for n, (e, g) in enumerate(zip(exp["teams"], got)):
                _compare(e, g, f"teams[{n}]")
            _compare(len(exp["teams"]), len(got), "teams.length")
            continue
        if key == "loads" and isinstance(got, dict):
            _compare(list(exp["loads"]), list(got), "loads（键及其顺序）")
        _compare(exp[key], got, key)
    if "pool_sha256" not in exp and record.get("pool_sha256") is not None:
        raise Mismatch("pool_sha256", None, record["pool_sha256"], "未使用 targets_csv")
    known = set(order) | {"protocol", "engine", "request", "replacements"}
    extra = [k for k in record if k not in known]
    if extra:
        raise Mismatch(extra[0], _MISSING, record[extra[0]], "记录中有协议未定义的字段")
    return exp


def summary(record: dict, exp: dict) -> str:
    """A short zh-CN summary of a verified record."""
    req = record["request"]
    lines = [f"校验通过：任务 {req['task_id']}，抽取日期 {req['draw_date']}，协议 {PROTOCOL}",
             f"  池摘要 {exp['pool_digest']}",
             f"  种子   {exp['seed']}"]
    for st in exp["strata"]:
        lines.append(f"  分层 {st['id']}：总体 {st['population']}，抽取 {st['k']}，"
                     f"备选 {len(st['reserves'])}")
    if exp["teams"]:
        lines.append(f"  检查组 {len(exp['teams'])} 个，每组 {len(exp['teams'][0]['members'])} 人，"
                     f"参与检查人员 {len(exp['loads'])} 名，共 {sum(exp['loads'].values())} 人次")
    else:
        lines.append("  未抽取检查组")
    return "\n".join(lines)


def load_json(path: str) -> Any:
    """Read a UTF-8 JSON file strictly: duplicate keys, NaN/Infinity and invalid UTF-8 are errors."""
    def no_dups(pairs):
        d = {}
        for k, v in pairs:
            if k in d:
                raise RequestError(f"JSON 对象中键 {k!r} 重复")
            d[k] = v
        return d

    def bad_const(c):
        raise RequestError(f"无效的 JSON 常量 {c}")

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise RequestError(f"无法读取 {path}：{e.strerror}")
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=no_dups, parse_constant=bad_const)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise RequestError(f"{path} 不是有效的 UTF-8 JSON：{e}")


# --------------------------------------------------------------------------------------------
# Self-test: hand-computed checks
# --------------------------------------------------------------------------------------------


def self_test() -> None:
    """Hand-computed checks of §2 encodings, §4 ratio canonicalisation and §6 k = ceil."""
    assert enc_str("ab") == b"\x00\x00\x00\x02ab"
    assert enc_str("") == b"\x00\x00\x00\x00"
    assert enc_str("张") == b"\x00\x00\x00\x03\xe5\xbc\xa0"
    assert optstr(None) == b"\x00"
    assert optstr("x") == b"\x01\x00\x00\x00\x01x"
    assert tag("pool") == b"\x00\x00\x00\x10ssj-draw-v1/pool"
    assert u8(7) == b"\x07" and u32(258) == b"\x00\x00\x01\x02"
    assert u64(1) == b"\x00" * 7 + b"\x01"
    assert H(b"abc").hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    # byte order: a prefix sorts first; UTF-8 bytes, not UTF-16 code units
    assert sorted(["b", "ab", "a", "\uff01", "\U0001F600"], key=bkey) == \
        ["a", "ab", "b", "\uff01", "\U0001F600"]
    assert bkey("\uff01") < bkey("\U0001F600")       # ef bc 81 < f0 9f 98 80
    # §4 canonical ratio
    for a, b in [("0.030", "0.03"), ("1.000", "1"), ("1", "1"), ("0.5", "0.5"),
                 ("0.000001", "0.000001"), ("0.100000", "0.1"), ("1.0", "1")]:
        assert canonical_ratio(a) == b, (a, canonical_ratio(a))
    for r in ["0.03", "1", "1.0", "1.000000", "0.123456"]:
        assert RATIO_RE.fullmatch(r)
    for r in ["0.1234567", ".5", "0.", "1.01", "01", "2", "0,5", "1.0000000", " 0.5"]:
        assert not RATIO_RE.fullmatch(r), r
    # §6 k = ceil(N p / 10^q)
    assert ratio_k(1200, "0.03") == 36
    assert ratio_k(1201, "0.03") == 37           # 36.03 → 37
    assert ratio_k(10, "0.03") == 1              # 0.3 → 1
    assert ratio_k(1, "0.000001") == 1
    assert ratio_k(100, "0.030") == 3
    assert ratio_k(7, "1") == 7 and ratio_k(7, "1.00") == 7
    assert ratio_k(3, "0.5") == 2
    assert ratio_k(1000000, "0.000001") == 1 and ratio_k(1000001, "0.000001") == 2
    # §5 commitment of the zero secret, by hand
    zero = bytes(32)
    assert commitment(zero) == hashlib.sha256(
        b"\x00\x00\x00\x12ssj-draw-v1/commit" + zero).digest()
    assert public_bytes("dice", "", "", "12") == \
        b"\x00\x00\x00\x04dice" + b"\x00" * 8 + b"\x00\x00\x00\x0212"
    # §7 slot offset is u64 of the first 8 bytes, mod n
    h = H(tag("slot") + zero + enc_str("X") + u32(1))
    assert slot_offset(zero, "X", 1, 7) == int.from_bytes(h[:8], "big") % 7
    # a tiny end-to-end draw, pool digest by hand
    req = {"protocol": PROTOCOL, "task_id": "T", "draw_date": "2026-01-02",
           "strata": [{"id": "B", "count": 1}, {"id": "A", "ratio": "0.50"}],
           "targets": [{"code": "y", "stratum": "A", "region": "r"},
                       {"code": "x", "stratum": "A", "region": ""},
                       {"code": "z", "stratum": "B", "region": "r"}],
           "targets_csv": None,
           "commitment": commitment(zero).hex(), "secret": zero.hex(),
           "public_input": {"kind": "dice", "value": "0" * 20},
           "replacements": [], "recusals": []}
    r = parse_request(req)
    stratum_a = H(b"".join([
        b"\x00\x00\x00\x13ssj-draw-v1/stratum", b"\x00\x00\x00\x01A", b"\x01\x00\x00\x00\x030.5",
        b"\x00\x00\x00\x02", b"\x00\x00\x00\x01x\x00\x00\x00\x00", b"\x00\x00\x00\x01y\x00\x00\x00\x01r"]))
    stratum_b = H(b"".join([
        b"\x00\x00\x00\x13ssj-draw-v1/stratum", b"\x00\x00\x00\x01B", b"\x02\x00\x00\x00\x01",
        b"\x00\x00\x00\x01", b"\x00\x00\x00\x01z\x00\x00\x00\x01r"]))
    by_hand = H(b"".join([
        b"\x00\x00\x00\x10ssj-draw-v1/pool", b"\x00\x00\x00\x01T", b"\x00\x00\x00\x0a2026-01-02",
        b"\x00\x00\x00\x02", stratum_a, stratum_b,
        b"\x00", b"\x00\x00\x00\x00", b"\x00\x00\x00\x00"]))
    assert pool_digest(r) == by_hand
    out = draw(req)
    assert [s["k"] for s in out["strata"]] == [1, 1]
    assert [len(s["reserves"]) for s in out["strata"]] == [1, 0]
    # request errors
    import copy
    for mutate in [lambda q: q["targets"].append(dict(q["targets"][0])),       # duplicate code
                   lambda q: q["strata"].append({"id": "C", "count": 1}),      # empty stratum
                   lambda q: q["strata"][0].update(count=2),                   # count > N
                   lambda q: q["targets"][0].update(stratum="Q"),              # unknown stratum
                   lambda q: q["public_input"].update(value="1" * 19),         # 19 dice digits
                   lambda q: q.update(extra=1),                                # unknown field
                   lambda q: q["strata"][1].update(ratio="0.000"),             # ratio zero
                   lambda q: q.update(draw_date="2026-02-30")]:
        q = copy.deepcopy(req)
        mutate(q)
        try:
            draw(q)
        except RequestError:
            pass
        else:
            raise AssertionError("accepted a bad request")
    q = copy.deepcopy(req)
    q["secret"] = "11" * 32
    try:
        draw(q)
    except CommitmentError:
        pass
    else:
        raise AssertionError("accepted a wrong secret")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ssj 抽取记录独立校验器（协议 ssj-draw/1）")
    ap.add_argument("record", nargs="?", help="抽取记录 JSON 文件")
    ap.add_argument("--draw", metavar="REQUEST", help="按请求计算并输出记录字段（JSON）")
    ap.add_argument("--self-test", action="store_true", help="运行编码自检")
    a = ap.parse_args(argv)
    try:
        if a.self_test:
            self_test()
            print("自检通过")
            return 0
        if a.draw:
            req = load_json(a.draw)
            out = draw(req, os.path.dirname(os.path.abspath(a.draw)))
            json.dump({"protocol": PROTOCOL, "engine": "ssj_verify.py", "request": req, **out},
                      sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        if not a.record:
            ap.print_usage(sys.stderr)
            return 2
        record = load_json(a.record)
        exp = verify_record(record, os.path.dirname(os.path.abspath(a.record)))
        print(summary(record, exp))
        return 0
    except VerifyError as e:
        print(("校验失败：" if e.exit_code == 1 else "输入无效：") + str(e), file=sys.stderr)
        return e.exit_code
    except RecursionError:
        print("输入无效：JSON 嵌套过深", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
