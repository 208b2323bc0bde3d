"""Compare boto3 stub packages under mypy --strict and basedpyright strict.

Not part of CI. For each stub variant the script builds a throwaway virtual environment in a
temporary directory (boto3, botocore, mypy, basedpyright, attrs and moto pinned to the versions
of the reference interpreter, normally the project venv, plus the variant's packages), writes a
probe file with correct code and planted mistakes, type-checks it with both checkers and writes
a Markdown matrix of what each checker caught.

    .venv/bin/python scripts/stub_matrix.py [--keep] [--only NAME] [--output PATH]

Installs run one after another (pip -q); expect several minutes per variant on a cold cache.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

REPO = Path(__file__).resolve().parent.parent
SERVICES = "ec2,rds,s3,route53,autoscaling,iam"
PINNED = ("boto3", "botocore", "mypy", "basedpyright", "attrs", "moto")
PIP_TIMEOUT = 1800
CHECK_TIMEOUT = 1800

MYPY_EC2 = "from mypy_boto3_ec2 import EC2Client"
TYPES_EC2 = "from types_boto3_ec2 import EC2Client"


# --------------------------------------------------------------------------------------------
# Variants


@dataclass(frozen=True)
class Variant:
    name: str
    packages: tuple[str, ...]
    ec2_import: str
    description: str


VARIANTS: tuple[Variant, ...] = (
    Variant("none", (), MYPY_EC2, "boto3 only, no stubs"),
    Variant("full", (f"boto3-stubs[{SERVICES}]",), MYPY_EC2, f"boto3-stubs[{SERVICES}]"),
    Variant("lite", (f"boto3-stubs-lite[{SERVICES}]",), MYPY_EC2, f"boto3-stubs-lite[{SERVICES}]"),
    Variant("types", (f"types-boto3[{SERVICES}]",), TYPES_EC2, f"types-boto3[{SERVICES}]"),
    Variant(
        "types-lite", (f"types-boto3-lite[{SERVICES}]",), TYPES_EC2, f"types-boto3-lite[{SERVICES}]"
    ),
    Variant(
        "bta",
        ("boto3-type-annotations",),
        "from boto3_type_annotations.ec2 import Client as EC2Client",
        "boto3-type-annotations",
    ),
    Variant(
        "botocore",
        ("botocore-stubs", "types-s3transfer"),
        MYPY_EC2,
        "botocore-stubs + types-s3transfer (no boto3 stubs)",
    ),
    Variant(
        "both",
        (f"boto3-stubs[{SERVICES}]", f"types-boto3[{SERVICES}]"),
        MYPY_EC2,
        f"boto3-stubs[{SERVICES}] and types-boto3[{SERVICES}] in one pip command",
    ),
)


# --------------------------------------------------------------------------------------------
# Probes


@dataclass(frozen=True)
class Probe:
    """One tagged line of the probe file.

    ``mypy`` / ``pyright`` hold the error codes (rules) that count as catching the planted
    mistake; both empty means the line is correct code and should type-check cleanly.
    """

    pid: str
    setup: tuple[str, ...]
    line: str
    mypy: frozenset[str] = frozenset()
    pyright: frozenset[str] = frozenset()
    group: str = "boto3"


@dataclass(frozen=True)
class Reveal:
    rid: str
    setup: tuple[str, ...]
    expr: str


Expect = tuple[tuple[str, ...], tuple[str, ...]]


def _p(
    pid: str, setup: Sequence[str], line: str, expect: Expect = ((), ()), group: str = "boto3"
) -> Probe:
    return Probe(pid, tuple(setup), line, frozenset(expect[0]), frozenset(expect[1]), group)


ASSIGN = (("assignment",), ("reportAssignmentType",))
ARG = (("arg-type",), ("reportArgumentType",))
KWARG = (("call-arg",), ("reportCallIssue",))
LITERAL_ARG = (("call-overload", "arg-type"), ("reportCallIssue", "reportArgumentType"))
ATTR = (("attr-defined",), ("reportAttributeAccessIssue",))
KEY = (
    ("typeddict-item",),
    ("reportTypedDictNotRequiredAccess", "reportGeneralTypeIssues", "reportArgumentType"),
)
CLEAN: Expect = ((), ())

# Probes run twice: on an unannotated client (u.) and on `client: EC2Client = ...` (a.).
CLIENT_PROBES: tuple[tuple[str, tuple[str, ...], str, Expect], ...] = (
    ("wrong-assign", (), "_x: int = client.describe_instances()", ASSIGN),
    ("arg-type", (), '_r = client.describe_instances(MaxResults="10")', ARG),
    ("bad-kwarg", (), '_r = client.describe_instances(InstanceIdz=["i-1"])', KWARG),
    (
        "bad-key",
        ("resp = client.describe_instances()",),
        '_k = resp["Reservationz"]',
        KEY,
    ),
    (
        "good-key",
        ("resp = client.describe_instances()",),
        '_i: str = resp["Reservations"][0]["Instances"][0]["InstanceId"]',
        CLEAN,
    ),
    ("bad-paginator", (), '_p = client.get_paginator("describe_instancez")', LITERAL_ARG),
    (
        "page-assign",
        (
            'paginator = client.get_paginator("describe_instances")',
            "for page in paginator.paginate():",
        ),
        '    _y: int = page["Reservations"]',
        ASSIGN,
    ),
    ("bad-waiter", (), '_w = client.get_waiter("instance_runing")', LITERAL_ARG),
    (
        "waiter-kwarg",
        (),
        'client.get_waiter("instance_running").wait(InstanceIdz=["i-1"])',
        KWARG,
    ),
    ("good-call", (), '_g = client.describe_instances(InstanceIds=["i-1"], MaxResults=10)', CLEAN),
    ("recent-api", (), "_t = client.describe_instance_topology()", CLEAN),
)


def _client_probes() -> list[Probe]:
    probes: list[Probe] = []
    for prefix, head in (
        ("u", 'client = session.client("ec2")'),
        ("a", 'client: EC2Client = session.client("ec2")'),
    ):
        for pid, setup, line, expect in CLIENT_PROBES:
            probes.append(_p(f"{prefix}.{pid}", (head, *setup), line, expect))
    return probes


PROBES: tuple[Probe, ...] = (
    _p("import-boto3", (), "from boto3.session import Session", group="setup"),
    _p("import-ec2client", (), "{EC2_IMPORT}", group="setup"),
    _p("client-call", (), 'client = session.client("ec2")'),
    _p("ec2-annotate", (), 'client: EC2Client = session.client("ec2")'),
    *_client_probes(),
    _p(
        "sqs-typo",
        ('sqs = session.client("sqs")',),
        '_s = sqs.send_mesage(QueueUrl="u", MessageBody="b")',
        ATTR,
    ),
    _p(
        "config-bad-mode",
        (),
        '_c = Config(retries={"mode": "standrd"})',
        (("typeddict-item", "arg-type", "dict-item"), ("reportArgumentType",)),
    ),
    _p("config-bad-kwarg", (), '_c = Config(retriez={"mode": "standard"})', KWARG),
    _p(
        "config-retries",
        ('cfg = Config(retries={"mode": "standard"})',),
        "_r: int = cfg.retries",
        ASSIGN,
    ),
    _p("error-code", (), '_e: int = err.response["Error"]["Code"]', ASSIGN),
    _p("moto-decorator", (), "_m: str = _decorated(1)", ASSIGN, group="control"),
    _p(
        "moto-context",
        ("with mock_aws() as mocked:",),
        "    _n: int = mocked",
        ASSIGN,
        group="control",
    ),
    _p("attrs-frozen", ("point = Point(1)",), "point.x = 2", (("misc",), ATTR[1]), "control"),
    _p("attrs-ctor", (), '_q = Point("a")', ARG, group="control"),
)

REVEALS: tuple[Reveal, ...] = (
    Reveal("client", (), 'session.client("ec2")'),
    Reveal("response", (), 'session.client("ec2").describe_instances()'),
    Reveal("annotated-client", ('client: EC2Client = session.client("ec2")',), "client"),
    Reveal(
        "annotated-response",
        ('client: EC2Client = session.client("ec2")',),
        "client.describe_instances()",
    ),
    Reveal("paginator", (), 'session.client("ec2").get_paginator("describe_instances")'),
    Reveal("sqs-client", (), 'session.client("sqs")'),
    Reveal("config-retries", ('cfg = Config(retries={"mode": "standard"})',), "cfg.retries"),
    Reveal("error-response", (), "err.response"),
    Reveal("error-code", (), 'err.response["Error"]["Code"]'),
    Reveal("mock-aws", (), "mock_aws()"),
)

PROBE_HEADER = """\
# Written by scripts/stub_matrix.py. Each line tagged "# P:<id>" is one probe.
from __future__ import annotations

from typing import TYPE_CHECKING, reveal_type

import attrs
{IMPORT_BOTO3}
from botocore.config import Config
from botocore.exceptions import ClientError
from moto import mock_aws

if TYPE_CHECKING:
    {IMPORT_EC2}


@mock_aws
def _decorated(n: int) -> int:
    return n


@attrs.frozen
class Point:
    x: int
"""


def _function(name: str, setup: Sequence[str], line: str) -> list[str]:
    body = [f"    {s}" for s in setup] + [f"    {line}"]
    return ["", "", f"def {name}(session: Session, err: ClientError) -> None:", *body]


def build_probe(variant: Variant) -> tuple[str, dict[str, int], dict[str, int]]:
    """Return the probe source and the line numbers of each probe and reveal."""
    by_pid = {p.pid: p for p in PROBES}
    header = PROBE_HEADER.replace(
        "{IMPORT_BOTO3}", f"{by_pid['import-boto3'].line}  # P:import-boto3"
    ).replace("{IMPORT_EC2}", f"{variant.ec2_import}  # P:import-ec2client")
    lines = header.rstrip("\n").split("\n")
    for index, probe in enumerate(PROBES):
        if probe.group == "setup":
            continue
        lines += _function(f"probe_{index}", probe.setup, f"{probe.line}  # P:{probe.pid}")
    for index, reveal in enumerate(REVEALS):
        lines += _function(
            f"reveal_{index}", reveal.setup, f"reveal_type({reveal.expr})  # R:{reveal.rid}"
        )
    probe_lines: dict[str, int] = {}
    reveal_lines: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if match := re.search(r"# P:(\S+)$", text):
            probe_lines[match.group(1)] = number
        elif match := re.search(r"# R:(\S+)$", text):
            reveal_lines[match.group(1)] = number
    return "\n".join(lines) + "\n", probe_lines, reveal_lines


# --------------------------------------------------------------------------------------------
# Running things


@dataclass(frozen=True)
class Ran:
    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run(argv: Sequence[str], cwd: Path | None = None, timeout: float = PIP_TIMEOUT) -> Ran:
    started = time.monotonic()
    try:
        done = subprocess.run(
            list(argv), cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout if isinstance(exc.stdout, str) else ""
        return Ran(tuple(argv), -1, out, f"timed out after {timeout}s", time.monotonic() - started)
    return Ran(tuple(argv), done.returncode, done.stdout, done.stderr, time.monotonic() - started)


class DistInfo(TypedDict):
    version: str
    tops: list[str]
    typed: dict[str, str]
    nfiles: int
    missing: int
    changed: int


class Inspection(TypedDict):
    dists: dict[str, DistInfo]
    shared: dict[str, dict[str, int]]
    session_pyi: dict[str, int]


# Run inside a variant's venv: every distribution's version, top-level folders, py.typed
# markers, files shared with another distribution, and shared files whose content no longer
# matches the distribution's RECORD (i.e. another package overwrote them).
INSPECT_SRC = r"""
import base64, hashlib, importlib.metadata as md, json, sysconfig
from pathlib import Path

site = Path(sysconfig.get_paths()["purelib"])
owners = {}
records = {}
for dist in md.distributions():
    name = dist.metadata["Name"]
    files = [f for f in dist.files or [] if not str(f).startswith("..")]
    records[name] = (dist, files)
    for f in files:
        s = str(f)
        if ".dist-info/" not in s and "__pycache__" not in s:
            owners.setdefault(s, []).append(name)
shared_paths = {s for s, names in owners.items() if len(names) > 1}
dists = {}
for name, (dist, files) in records.items():
    base = Path(str(dist.locate_file("")))
    tops = sorted({
        str(f).split("/")[0] for f in files
        if "/" in str(f)
        and not str(f).split("/")[0].endswith((".dist-info", ".egg-info", ".data"))
        and str(f).split("/")[0] != "__pycache__"
    })
    typed = {}
    for top in tops:
        marker = base / top / "py.typed"
        if marker.exists():
            typed[top] = "partial" if "partial" in marker.read_text(errors="replace") else "yes"
        else:
            typed[top] = "no"
    missing = 0
    changed = 0
    for f in files:
        path = base / str(f)
        if not path.exists():
            missing += 1
        elif str(f) in shared_paths and f.hash is not None and f.hash.mode == "sha256":
            digest = base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest())
            if digest.decode().rstrip("=") != f.hash.value:
                changed += 1
    dists[name] = {"version": dist.version, "tops": tops, "typed": typed,
                   "nfiles": len(files), "missing": missing, "changed": changed}
shared = {}
for s in sorted(shared_paths):
    key = " + ".join(sorted(owners[s]))
    top = s.split("/")[0]
    shared.setdefault(key, {}).setdefault(top, 0)
    shared[key][top] += 1
session_pyi = {}
pyi = site / "boto3-stubs" / "session.pyi"
if pyi.exists():
    text = pyi.read_text(errors="replace")
    session_pyi = {k: text.count(k) for k in ("mypy_boto3_", "types_boto3_")}
print(json.dumps({"dists": dists, "shared": shared, "session_pyi": session_pyi}))
"""

REFERENCE_SRC = r"""
import importlib.metadata as md, json, platform, sys
names = sys.argv[1:]
print(json.dumps({"python": platform.python_version(),
                  **{n: md.version(n) for n in names}}))
"""


def reference_versions(python: str) -> dict[str, str]:
    ran = run([python, "-c", REFERENCE_SRC, *PINNED], timeout=120)
    if ran.returncode != 0:
        sys.exit(f"cannot read package versions with {python}:\n{ran.stderr}")
    versions: dict[str, str] = json.loads(ran.stdout)
    return versions


def inspect(python: Path) -> Inspection | None:
    ran = run([str(python), "-c", INSPECT_SRC], timeout=600)
    if ran.returncode != 0:
        return None
    inspection: Inspection = json.loads(ran.stdout)
    return inspection


# --------------------------------------------------------------------------------------------
# Diagnostics


@dataclass(frozen=True)
class Diag:
    line: int
    code: str
    message: str
    severity: str


ANY_MYPY = re.compile(r'Expression (has type|type contains) "Any"')
PYRIGHT_IGNORED = frozenset(
    {
        "reportUnusedVariable",
        "reportUnusedExpression",
        "reportUnusedCallResult",
        "reportUnusedFunction",
        "reportUnusedClass",
    }
)


def parse_mypy(output: str, filename: str) -> list[Diag]:
    diags: list[Diag] = []
    for raw in output.splitlines():
        if not raw.startswith("{"):
            continue
        item: dict[str, object] = json.loads(raw)
        if Path(str(item.get("file"))).name != filename:
            continue
        line_number = item["line"]
        if not isinstance(line_number, int):
            continue
        line = line_number
        code = str(item.get("code") or "-")
        diags.append(Diag(line, code, str(item["message"]), str(item["severity"])))
        # Notes attached to an error (e.g. a reveal_type on an erroring line) come as hints.
        for hint in str(item.get("hint") or "").splitlines():
            diags.append(Diag(line, code, hint.strip(), "note"))
    return diags


class _Position(TypedDict):
    line: int


class _Range(TypedDict):
    start: _Position


class _PyrightDiagnostic(TypedDict, total=False):
    file: str
    rule: str
    message: str
    severity: str
    range: _Range


class _PyrightReport(TypedDict, total=False):
    generalDiagnostics: list[_PyrightDiagnostic]


def parse_pyright(output: str, filename: str) -> list[Diag]:
    try:
        report: _PyrightReport = json.loads(output)
    except json.JSONDecodeError:
        return []
    diags: list[Diag] = []
    for item in report.get("generalDiagnostics", []):
        if Path(str(item.get("file"))).name != filename:
            continue
        start = item.get("range", {"start": {"line": -1}})["start"]
        diags.append(
            Diag(
                start["line"] + 1,
                item.get("rule") or "-",
                item.get("message", "").replace("\n", " "),
                item.get("severity", "error"),
            )
        )
    return diags


def is_unknown_rule(code: str) -> bool:
    return code.startswith("reportUnknown")


def short(code: str) -> str:
    return code.removeprefix("report")


@dataclass
class LineResult:
    status: str
    diags: list[Diag]


def classify(
    expected: frozenset[str], errors: Sequence[Diag], anys: Sequence[Diag], any_word: str
) -> str:
    codes = sorted({d.code for d in errors})
    if anys:
        partial = all("contains" in d.message or "partially" in d.message for d in anys)
        any_status = f"part-{any_word}" if partial else any_word
    else:
        any_status = ""
    if expected:
        hit = [c for c in codes if c in expected]
        extra = [short(c) for c in codes if c not in expected]
        if hit:
            return "caught" + (f" +{','.join(extra)}" if extra else "")
        if codes:
            return "other: " + ",".join(short(c) for c in codes)
        return any_status or "missed"
    if codes:
        return "error: " + ",".join(short(c) for c in codes)
    return any_status or "clean"


# --------------------------------------------------------------------------------------------
# One variant


@dataclass
class VariantResult:
    variant: Variant
    installed: bool = False
    pip_output: list[str] = field(default_factory=list)
    pip_check: str = ""
    inspection: Inspection | None = None
    after_uninstall: Inspection | None = None
    uninstall_output: str = ""
    after_uninstall_mypy: str = ""
    extra: str = ""
    mypy: dict[str, LineResult] = field(default_factory=dict)
    pyright: dict[str, LineResult] = field(default_factory=dict)
    mypy_reveal: dict[str, str] = field(default_factory=dict)
    pyright_reveal: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


MYPY_INI = """\
[mypy]
strict = True
python_version = 3.11
cache_dir = .mypy_cache
show_error_codes = True
"""


def install(result: VariantResult, python: str, workdir: Path, pins: Mapping[str, str]) -> Path:
    venv = workdir / "venv"
    made = run([python, "-m", "venv", str(venv)])
    if made.returncode != 0:
        result.pip_output.append(f"venv creation failed: {made.stderr.strip()}")
        return venv
    vpy = venv / "bin" / "python"
    requirements = [f"{name}=={pins[name]}" for name in PINNED] + list(result.variant.packages)
    pip = run([str(vpy), "-m", "pip", "install", "-q", *requirements])
    result.timings["install"] = pip.seconds
    # pip.conf on some machines lists local index folders; their "is ignored" warnings are noise.
    text = "\n".join(
        line
        for line in (pip.stdout + pip.stderr).splitlines()
        if line.strip() and not line.startswith("WARNING: Location 'file:")
    )
    if text:
        result.pip_output.append(text)
    result.installed = pip.returncode == 0
    if not result.installed:
        result.pip_output.append(f"pip exited with {pip.returncode}")
        return venv
    check = run([str(vpy), "-m", "pip", "check"])
    result.pip_check = (check.stdout + check.stderr).strip()
    result.inspection = inspect(vpy)
    return venv


def check_mypy(result: VariantResult, vpy: Path, workdir: Path) -> tuple[list[Diag], list[Diag]]:
    (workdir / "mypy.ini").write_text(MYPY_INI)
    # Second pass: --disallow-any-expr for the probe module only, so the cache of the
    # libraries stays valid.
    (workdir / "mypy_any.ini").write_text(MYPY_INI + "\n[mypy-probe]\ndisallow_any_expr = True\n")
    base = [str(vpy), "-m", "mypy", "-O", "json", "--no-error-summary", "--no-pretty"]
    first = run([*base, "--config-file", "mypy.ini", "probe.py"], workdir, CHECK_TIMEOUT)
    second = run([*base, "--config-file", "mypy_any.ini", "probe.py"], workdir, CHECK_TIMEOUT)
    result.timings["mypy"] = first.seconds + second.seconds
    for ran in (first, second):
        if ran.returncode not in (0, 1):
            result.notes.append(f"mypy exited {ran.returncode}: {ran.stderr.strip()[:500]}")
    return parse_mypy(first.stdout, "probe.py"), parse_mypy(second.stdout, "probe.py")


def check_pyright(result: VariantResult, workdir: Path) -> tuple[list[Diag], list[Diag]]:
    """Strict pass, then a pass that also enables basedpyright's reportAny.

    Strict mode reports Unknown (inferred, missing types) but is silent about declared Any; the
    second pass is only used to tell a silent Any from a real "missed".
    """
    passes: list[list[Diag]] = []
    for filename, extra in (
        ("pyrightconfig.json", {}),
        ("pyright_any/pyrightconfig.json", {"reportAny": "warning"}),
    ):
        config = {
            "typeCheckingMode": "strict",
            "pythonVersion": "3.11",
            "venvPath": str(workdir),
            "venv": "venv",
            "include": [str(workdir / "probe.py")],
            **extra,
        }
        path = workdir / filename
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(config, indent=2) + "\n")
        exe = workdir / "venv" / "bin" / "basedpyright"
        ran = run([str(exe), "--outputjson", "-p", str(path)], workdir, CHECK_TIMEOUT)
        result.timings["basedpyright"] = result.timings.get("basedpyright", 0) + ran.seconds
        if ran.returncode not in (0, 1):
            result.notes.append(f"basedpyright exited {ran.returncode}: {ran.stderr[:500]}")
        passes.append(parse_pyright(ran.stdout, "probe.py"))
    return passes[0], passes[1]


REVEAL_MYPY = re.compile(r'^Revealed type is "(.*)"$')
REVEAL_PYRIGHT = re.compile(r'^Type of ".*" is "(.*)"$')


def reveals(
    diags: Sequence[Diag], lines: Mapping[str, int], pattern: re.Pattern[str]
) -> dict[str, str]:
    found: dict[str, str] = {}
    for rid, number in lines.items():
        here = [d for d in diags if d.line == number]
        errors = sorted(
            {
                short(d.code)
                for d in here
                if d.severity == "error"
                and not is_unknown_rule(d.code)
                and d.code not in PYRIGHT_IGNORED
            }
        )
        for diag in here:
            if match := pattern.match(diag.message):
                found[rid] = match.group(1)
        if errors and rid in found:
            found[rid] += f" [error: {','.join(errors)}]"
    return found


def run_variant(variant: Variant, python: str, tmp: Path, pins: Mapping[str, str]) -> VariantResult:
    result = VariantResult(variant)
    workdir = tmp / variant.name
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"[{variant.name}] installing {' '.join(variant.packages) or '(no stubs)'}")
    venv = install(result, python, workdir, pins)
    if not result.installed:
        log(f"[{variant.name}] install failed")
        return result
    vpy = venv / "bin" / "python"
    source, probe_lines, reveal_lines = build_probe(variant)
    (workdir / "probe.py").write_text(source)
    log(f"[{variant.name}] mypy")
    first, second = check_mypy(result, vpy, workdir)
    log(f"[{variant.name}] basedpyright")
    pyright, pyright_any = check_pyright(result, workdir)
    for probe in PROBES:
        number = probe_lines[probe.pid]
        errors = [d for d in first if d.line == number and d.severity == "error"]
        anys = [d for d in second if d.line == number and ANY_MYPY.search(d.message)]
        result.mypy[probe.pid] = LineResult(
            classify(probe.mypy, errors, anys, "Any"),
            [d for d in second if d.line == number] or errors,
        )
        here = [d for d in pyright if d.line == number and d.severity in ("error", "warning")]
        p_errors = [
            d for d in here if not is_unknown_rule(d.code) and d.code not in PYRIGHT_IGNORED
        ]
        p_anys = [d for d in here if is_unknown_rule(d.code)]
        p_status = classify(probe.pyright, p_errors, p_anys, "Unknown")
        declared_any = [d for d in pyright_any if d.line == number and d.code == "reportAny"]
        if p_status in ("missed", "clean") and declared_any:
            p_status = "Any"
            here = here + declared_any
        result.pyright[probe.pid] = LineResult(p_status, here)
    result.mypy_reveal = reveals(first, reveal_lines, REVEAL_MYPY)
    result.pyright_reveal = reveals(pyright, reveal_lines, REVEAL_PYRIGHT)
    if variant.name == "both":
        uninstall = run([str(vpy), "-m", "pip", "uninstall", "-y", "-q", "types-boto3"])
        result.uninstall_output = (uninstall.stdout + uninstall.stderr).strip()
        result.after_uninstall = inspect(vpy)
        again = run(
            [
                *(str(vpy), "-m", "mypy", "-O", "json", "--no-error-summary"),
                *("--config-file", "mypy.ini", "--cache-dir", ".mypy_cache_after", "probe.py"),
            ],
            workdir,
            CHECK_TIMEOUT,
        )
        diags = parse_mypy(again.stdout, "probe.py")
        client = reveals(diags, {"client": reveal_lines["client"]}, REVEAL_MYPY)
        imported = sorted(
            {d.code for d in diags if d.line == probe_lines["import-boto3"] and d.code != "-"}
        )
        result.after_uninstall_mypy = (
            f"mypy then reports {', '.join(imported) or 'no error'} on `import boto3` and reveals"
            f' `session.client("ec2")` as `{client.get("client", "-")}`'
        )
    if variant.name == "bta":
        result.extra = bta_coverage(vpy)
    log(f"[{variant.name}] done: {fmt_timings(result.timings)}")
    return result


BTA_SRC = r"""
import json, botocore.session
from botocore import xform_name
from boto3_type_annotations.ec2.client import Client
model = botocore.session.get_session().get_service_model("ec2")
ops = [xform_name(o) for o in model.operation_names]
print(json.dumps({"ops": len(ops), "missing": sum(1 for o in ops if o not in vars(Client))}))
"""


def bta_coverage(vpy: Path) -> str:
    """How much of today's EC2 API boto3-type-annotations' ec2.Client knows."""
    ran = run([str(vpy), "-c", BTA_SRC], timeout=300)
    if ran.returncode != 0:
        return ""
    counts: dict[str, int] = json.loads(ran.stdout)
    return (
        f"Its ec2.Client lacks {counts['missing']} of the {counts['ops']} EC2 operations in the"
        " installed botocore."
    )


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def fmt_timings(timings: Mapping[str, float]) -> str:
    return ", ".join(f"{key} {value:.0f}s" for key, value in timings.items())


# --------------------------------------------------------------------------------------------
# Markdown


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return out


def probe_label(probe: Probe) -> str:
    code = probe.line.strip()
    if probe.pid == "import-ec2client":
        code = "import EC2Client (per variant)"
    return f"{probe.pid} `{code}`"


DIST_ORDER = (
    "boto3",
    "botocore",
    "s3transfer",
    "boto3-stubs",
    "boto3-stubs-lite",
    "types-boto3",
    "types-boto3-lite",
    "mypy-boto3-<service>",
    "types-boto3-<service>",
    "botocore-stubs",
    "types-s3transfer",
    "types-awscrt",
    "boto3-type-annotations",
)


def dist_rows(results: Sequence[VariantResult]) -> list[list[str]]:
    interesting = re.compile(
        r"^(boto3|botocore|s3transfer|boto3-stubs(-lite)?|types-boto3(-lite)?|botocore-stubs"
        r"|types-s3transfer|types-awscrt|boto3-type-annotations|mypy-boto3-.*|types-boto3-.*)$"
    )
    groups: dict[str, list[str]] = {}
    names: list[str] = []
    for result in results:
        for name in (result.inspection or {"dists": {}})["dists"]:
            lowered = name.lower()
            if not interesting.match(lowered):
                continue
            group = lowered
            if lowered.startswith("mypy-boto3-"):
                group = "mypy-boto3-<service>"
            elif lowered.startswith("types-boto3-") and lowered != "types-boto3-lite":
                group = "types-boto3-<service>"
            if group not in groups:
                groups[group] = []
                names.append(group)
            if name not in groups[group]:
                groups[group].append(name)
    order = {name: index for index, name in enumerate(DIST_ORDER)}
    names.sort(key=lambda name: (order.get(name, len(order)), name))
    rows: list[list[str]] = []
    for group in names:
        row = [group]
        for result in results:
            dists = (result.inspection or {"dists": {}})["dists"]
            here = [dists[n] for n in groups[group] if n in dists]
            row.append(describe_dists(here))
        rows.append(row)
    return rows


def describe_dists(dists: Sequence[DistInfo]) -> str:
    if not dists:
        return "-"
    versions = sorted({d["version"] for d in dists})
    version = versions[0] if len(versions) == 1 else f"{versions[0]}..{versions[-1]}"
    if len(dists) > 1:
        version = f"{len(dists)} pkgs {version}"
    marks: set[str] = set()
    for dist in dists:
        for top, typed in dist["typed"].items():
            marker = {"yes": "py.typed", "no": "no py.typed"}.get(typed, f"py.typed {typed}")
            marks.add(f"stubs, {marker}" if top.endswith("-stubs") else marker)
    return f"{version} ({'; '.join(sorted(marks)) or 'no package dir'})"


def render(results: Sequence[VariantResult], pins: Mapping[str, str], started: float) -> str:
    names = [r.variant.name for r in results]
    out = [
        "# boto3 stub variants under mypy --strict and basedpyright strict",
        "",
        f"Generated by `scripts/stub_matrix.py` on {datetime.datetime.now(datetime.UTC):%Y-%m-%d}"
        f" in {(time.monotonic() - started) / 60:.1f} minutes. Not part of CI; rerun it to"
        " refresh this page.",
        "",
        *table(
            ["", "version"],
            [
                ["Python", pins["python"]],
                ["boto3 / botocore", f"{pins['boto3']} / {pins['botocore']}"],
                ["mypy", pins["mypy"]],
                ["basedpyright", pins["basedpyright"]],
                ["attrs / moto (probe controls)", f"{pins['attrs']} / {pins['moto']}"],
            ],
        ),
        "",
        "Each variant is a fresh venv with the pinned packages above plus:",
        "",
        *table(
            ["variant", "installed on top"],
            [[r.variant.name, r.variant.description] for r in results],
        ),
        "",
        "## Stub packages actually installed",
        "",
        "Version, and whether each package folder has a `py.typed` marker (`stubs` = a PEP 561"
        " `*-stubs` folder, which needs none).",
        "",
        *table(["package", *names], dist_rows(results)),
        "",
        *legend(),
    ]
    for title, attr in (
        ("mypy --strict", "mypy"),
        ("basedpyright, typeCheckingMode strict", "pyright"),
    ):
        out += ["", f"## {title}", ""]
        rows: list[list[str]] = []
        for probe in PROBES:
            row = [probe_label(probe)]
            for result in results:
                lines = result.mypy if attr == "mypy" else result.pyright
                row.append(lines[probe.pid].status if probe.pid in lines else "n/a")
            rows.append(row)
        out += table(["probe", *names], rows)
    out += ["", "## Revealed types", ""]
    for title, attr in (("mypy", "mypy_reveal"), ("basedpyright", "pyright_reveal")):
        out += ["", f"### {title}", ""]
        rows = []
        for reveal in REVEALS:
            row = [f"{reveal.rid} `{reveal.expr}`"]
            for result in results:
                revealed = result.mypy_reveal if attr == "mypy_reveal" else result.pyright_reveal
                row.append(shorten(revealed.get(reveal.rid, "-")))
            rows.append(row)
        out += table(["expression", *names], rows)
    out += ["", *install_notes(results), "", "## Findings", "", *findings(results)]
    out += ["", *details(results)]
    return "\n".join(out) + "\n"


def legend() -> list[str]:
    return [
        "## Reading the tables",
        "",
        "Every probe is one line of a generated file (`u.` probes use `client ="
        ' session.client("ec2")` without annotation, `a.` probes `client: EC2Client ='
        ' session.client("ec2")`, EC2Client imported under TYPE_CHECKING from the variant\'s'
        " package). A cell says what the checker did on that line:",
        "",
        "- `caught`: an error of the kind the planted mistake should produce"
        " (`+X` = other errors too).",
        "- `other: X`: an error, but not the planted one (e.g. the method is unknown).",
        "- `missed`: no error, and the expression is not Any.",
        "- `Any` / `part-Any` (mypy, from a second pass with `disallow_any_expr` on the probe"
        " module): the expression has type Any / contains Any, so nothing could be checked.",
        "- `Unknown` / `part-Unknown` (basedpyright): a `reportUnknown*` diagnostic on the line.",
        "- `Any` (basedpyright): strict mode said nothing, but a second pass with basedpyright's"
        " `reportAny` shows the expression is declared `Any`.",
        "- For lines that are correct code: `clean`, `error: X` (false positive), or Any/Unknown.",
        "",
        "Rows `moto-*` and `attrs-*` are controls that do not depend on boto3 stubs.",
    ]


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def install_notes(results: Sequence[VariantResult]) -> list[str]:
    out = ["## Install notes", ""]
    for result in results:
        bits: list[str] = []
        if not result.installed:
            bits.append("install FAILED")
        bits += [f"pip said: `{shorten(t, 600)}`" for t in result.pip_output]
        if result.pip_check and "No broken requirements" not in result.pip_check:
            bits.append(f"pip check: `{shorten(result.pip_check, 400)}`")
        if result.inspection:
            for owners, tops in result.inspection["shared"].items():
                folders = ", ".join(f"{top}/ ({n} files)" for top, n in tops.items())
                bits.append(f"files owned by more than one package ({owners}): {folders}")
            for name, dist in result.inspection["dists"].items():
                if dist["changed"]:
                    bits.append(
                        f"{name}: {dist['changed']} of its shared files no longer match its"
                        " RECORD (overwritten by the other package)"
                    )
            refs = result.inspection["session_pyi"]
            if refs and result.variant.name == "both":
                bits.append(
                    "boto3-stubs/session.pyi on disk references"
                    f" mypy_boto3_* {refs.get('mypy_boto3_', 0)} times and"
                    f" types_boto3_* {refs.get('types_boto3_', 0)} times"
                )
        if result.after_uninstall is not None:
            stubs = result.after_uninstall["dists"].get("boto3-stubs")
            said = result.uninstall_output or "nothing"
            if stubs is not None:
                bits.append(
                    f"`pip uninstall types-boto3` (said: {shorten(said, 300)}) then left"
                    f" {stubs['missing']} of boto3-stubs' {stubs['nfiles']} recorded files"
                    f" missing; {result.after_uninstall_mypy}"
                )
        bits += result.notes
        bits.append(f"timings: {fmt_timings(result.timings)}")
        out.append(f"- **{result.variant.name}**: " + "; ".join(bits))
    return out


def details(results: Sequence[VariantResult]) -> list[str]:
    """The first diagnostic of each code behind every cell that is not plain caught/clean."""
    out = [
        "## Raw diagnostics behind the other cells",
        "",
        "For each cell that is not `caught` or `clean`: the first message of each error code on"
        " that line (unused-variable noise left out).",
        "",
    ]
    for result in results:
        out += ["<details>", f"<summary>{result.variant.name}</summary>", ""]
        for attr, word in (("mypy", "mypy"), ("pyright", "basedpyright")):
            lines = result.mypy if attr == "mypy" else result.pyright
            for pid, line in lines.items():
                if line.status in ("caught", "clean"):
                    continue
                seen: set[str] = set()
                for diag in line.diags:
                    if diag.code in seen or diag.code in PYRIGHT_IGNORED:
                        continue
                    seen.add(diag.code)
                    message = shorten(diag.message, 160).replace("`", "'")
                    out.append(f"- {word} {pid} ({line.status}): [{diag.code}] {message}")
        out += ["", "</details>", ""]
    return out


# --------------------------------------------------------------------------------------------
# Findings (generated from the results, so they stay true when the versions move)


def status(results: Mapping[str, VariantResult], variant: str, checker: str, pid: str) -> str:
    result = results.get(variant)
    if result is None:
        return "n/a"
    lines = result.mypy if checker == "mypy" else result.pyright
    return lines[pid].status if pid in lines else "n/a"


def mistakes(prefix: str) -> list[Probe]:
    return [p for p in PROBES if p.pid.startswith(prefix) and p.group == "boto3" and p.mypy]


def summary(results: Mapping[str, VariantResult], variant: str, checker: str, prefix: str) -> str:
    """E.g. "3/8 caught (4 Any, 1 missed)"."""
    probes = mistakes(prefix)
    kinds: dict[str, int] = {}
    for probe in probes:
        kind = status(results, variant, checker, probe.pid).split(":")[0].split(" +")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    caught = kinds.pop("caught", 0)
    rest = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return f"{caught}/{len(probes)} caught" + (f" ({rest})" if rest else "")


def revealed(results: Mapping[str, VariantResult], variant: str, checker: str, rid: str) -> str:
    result = results[variant]
    found = result.mypy_reveal if checker == "mypy" else result.pyright_reveal
    return f"`{found.get(rid, '-')}`"


def silent(state: str) -> bool:
    return state.split(":", maxsplit=1)[0] in {"missed", "clean", "Any", "part-Any"}


def findings(ordered: Sequence[VariantResult]) -> list[str]:
    results = {r.variant.name: r for r in ordered if r.installed}
    out: list[str] = []
    for make in (
        finding_none,
        finding_full,
        finding_lite,
        finding_types,
        finding_both,
        finding_bta,
        finding_botocore,
    ):
        out += [f"- {sentence}" for sentence in make(results)]
    return out


def finding_none(results: Mapping[str, VariantResult]) -> list[str]:
    if "none" not in results:
        return []
    return [
        "With boto3 alone (boto3 and botocore ship no py.typed), of the"
        f" {len(mistakes(''))} planted boto3/botocore mistakes mypy has"
        f" {summary(results, 'none', 'mypy', '')}: it reports"
        f" `{status(results, 'none', 'mypy', 'import-boto3')}` on the import and then treats the"
        " library as Any, so --strict alone says nothing on the probe lines. basedpyright"
        f" strict has {summary(results, 'none', 'pyright', '')}: it reads boto3's source instead"
        f' (`session.client("ec2")` is {revealed(results, "none", "pyright", "client")}), so it'
        " reports Unknown on nearly every line rather than the mistakes themselves."
    ]


def finding_full(results: Mapping[str, VariantResult]) -> list[str]:
    if "full" not in results:
        return []
    out = [
        'With full boto3-stubs, unannotated `session.client("ec2")` is inferred through the'
        f" overloads as {revealed(results, 'full', 'mypy', 'client')} (mypy) and"
        f" {revealed(results, 'full', 'pyright', 'client')} (basedpyright). Of the planted"
        " mistakes on that unannotated client (argument types and names, response TypedDict"
        " keys, paginator and waiter names, page types, waiter arguments) mypy has"
        f" {summary(results, 'full', 'mypy', 'u.')} and basedpyright"
        f" {summary(results, 'full', 'pyright', 'u.')}.",
    ]
    mypy_sqs = status(results, "full", "mypy", "sqs-typo")
    pyright_sqs = status(results, "full", "pyright", "sqs-typo")
    out.append(
        "A service whose stubs are not installed (sqs) is"
        f" {revealed(results, 'full', 'mypy', 'sqs-client')} to mypy and"
        f" {revealed(results, 'full', 'pyright', 'sqs-client')} to basedpyright: the misspelled"
        f" `send_mesage` call is `{mypy_sqs}` under mypy"
        + (" (no error at all under --strict)" if silent(mypy_sqs) else "")
        + f" and `{pyright_sqs}` under basedpyright"
        + (" (strict flags the Unknown, not the typo)" if pyright_sqs.endswith("Unknown") else "")
        + "."
    )
    flagged = [
        n for n in results if status(results, n, "pyright", "client-call").endswith("Unknown")
    ]
    other = [
        f"{n} ({status(results, n, 'pyright', 'client-call')})" for n in results if n not in flagged
    ]
    out.append(
        'basedpyright strict reports the bare `session.client("ec2")` call as partially'
        f" unknown (reportUnknownMemberType) in: {', '.join(flagged) or 'no variant'}"
        + (f"; not in: {', '.join(other)}" if other else "")
        + ". With boto3-stubs/types-boto3 this comes from the `client()` overloads for services"
        " whose packages are not installed."
    )
    good = status(results, "full", "pyright", "a.good-key")
    if good.startswith("error"):
        out.append(
            "basedpyright strict rejects correct nested response access"
            ' (`resp["Reservations"][0]["Instances"][0]["InstanceId"]`) with'
            f" `{good}`: the stubs' output TypedDicts mark those keys NotRequired; mypy says"
            f" `{status(results, 'full', 'mypy', 'a.good-key')}`."
        )
    return out


def finding_lite(results: Mapping[str, VariantResult]) -> list[str]:
    out: list[str] = []
    for name in ("lite", "types-lite"):
        if name not in results:
            continue
        out.append(
            f'{name}: without an annotation `session.client("ec2")` is'
            f" {revealed(results, name, 'mypy', 'client')} (mypy) /"
            f" {revealed(results, name, 'pyright', 'client')} (basedpyright): mypy has"
            f" {summary(results, name, 'mypy', 'u.')} and basedpyright"
            f" {summary(results, name, 'pyright', 'u.')} of the client mistakes, and"
            " basedpyright strict prints nothing, since a declared Any is not Unknown. With"
            f" `client: EC2Client = ...` mypy has {summary(results, name, 'mypy', 'a.')} and"
            f" basedpyright {summary(results, name, 'pyright', 'a.')}."
        )
    return out


def finding_types(results: Mapping[str, VariantResult]) -> list[str]:
    out: list[str] = []
    for mine, theirs in (("types", "full"), ("types-lite", "lite")):
        if mine not in results or theirs not in results:
            continue
        differing = [
            f"{p.pid} ({checker})"
            for p in PROBES
            if p.group != "setup"
            for checker in ("mypy", "pyright")
            if status(results, mine, checker, p.pid) != status(results, theirs, checker, p.pid)
        ]
        out.append(
            f"{mine} gave the same result as {theirs} on every probe."
            if not differing
            else f"{mine} differs from {theirs} on: {', '.join(differing)}."
        )
    return out


def finding_both(results: Mapping[str, VariantResult]) -> list[str]:
    result = results.get("both")
    if result is None or result.inspection is None:
        return []
    said = " ".join(result.pip_output) or "printed no warning and exited 0"
    shared = {k: v for k, v in result.inspection["shared"].items() if "types-boto3" in k}
    listing = "; ".join(
        f"{owners} both own the same {', '.join(f'{n} files under {t}/' for t, n in tops.items())}"
        for owners, tops in shared.items()
    )
    changed = [
        f"{name} ({dist['changed']} files)"
        for name, dist in result.inspection["dists"].items()
        if dist["changed"]
    ]
    refs = result.inspection["session_pyi"]
    out = [
        "boto3-stubs and types-boto3 in one pip command: pip"
        f" {shorten(said, 300)}, yet {listing or 'no shared files were found'}. The copy left on"
        f" disk no longer matches the RECORD of {', '.join(changed) or 'neither package'};"
        f" its session.pyi refers to mypy_boto3_* {refs.get('mypy_boto3_', 0)} times and"
        f' types_boto3_* {refs.get("types_boto3_", 0)} times, so `session.client("ec2")` is'
        f" {revealed(results, 'both', 'mypy', 'client')} (mypy)."
    ]
    stubs = (result.after_uninstall or {"dists": {}})["dists"].get("boto3-stubs")
    if stubs is not None:
        out.append(
            f"Uninstalling types-boto3 afterwards deleted {stubs['missing']} of boto3-stubs'"
            f" {stubs['nfiles']} files while pip still lists boto3-stubs as installed;"
            f" {result.after_uninstall_mypy}."
        )
    return out


def finding_bta(results: Mapping[str, VariantResult]) -> list[str]:
    result = results.get("bta")
    if result is None or result.inspection is None:
        return []
    dist = result.inspection["dists"].get("boto3-type-annotations") or result.inspection[
        "dists"
    ].get("boto3_type_annotations")
    if dist is None:
        return []
    marker = "no py.typed" if "yes" not in dist["typed"].values() else "a py.typed"
    return [
        f"boto3-type-annotations {dist['version']} has {marker} and is not a stub package for"
        f" boto3: mypy reports `{status(results, 'bta', 'mypy', 'import-ec2client')}` for"
        f" `boto3_type_annotations.ec2.Client` and has {summary(results, 'bta', 'mypy', 'a.')}"
        " of the annotated-client mistakes. basedpyright reads its source and has"
        f" {summary(results, 'bta', 'pyright', 'a.')}, but `client: Client ="
        f' session.client("ec2")` is itself `{status(results, "bta", "pyright", "ec2-annotate")}`'
        f" there. {result.extra}".rstrip()
    ]


def finding_botocore(results: Mapping[str, VariantResult]) -> list[str]:
    if "botocore" not in results:
        return []

    def both(pid: str) -> str:
        mypy = status(results, "botocore", "mypy", pid)
        pyright = status(results, "botocore", "pyright", pid)
        return f"mypy `{mypy}`, basedpyright `{pyright}`"

    return [
        "botocore-stubs alone types the Config constructor (bad retry mode:"
        f" {both('config-bad-mode')}; misspelled keyword: {both('config-bad-kwarg')}) but"
        f" declares none of its option attributes: reading `config.retries` gives"
        f" {both('config-retries')}, and the value is"
        f" {revealed(results, 'botocore', 'mypy', 'config-retries')} (mypy).",
        "ClientError.response is a TypedDict in botocore-stubs, not Any:"
        f' `err.response["Error"]["Code"]` is'
        f" {revealed(results, 'botocore', 'mypy', 'error-code')} (mypy) and"
        f" {revealed(results, 'botocore', 'pyright', 'error-code')} (basedpyright), and"
        f" assigning it to int gives {both('error-code')}.{any_keys(results)}",
    ]


def any_keys(results: Mapping[str, VariantResult]) -> str:
    whole = results["botocore"].mypy_reveal.get("error-response", "")
    keys = sorted(set(re.findall(r"'(\w+)'\??: (?:Any\b|[\w.]+\[[^\]]*\bAny\b)", whole)))
    if not keys:
        return ""
    return (
        " Any is left only in nested values of the response TypedDict (keys:"
        f" {', '.join(keys)}), which is why mypy's disallow_any_expr pass still flags"
        " `err.response`."
    )


# --------------------------------------------------------------------------------------------
# Main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary venvs")
    parser.add_argument(
        "--only", action="append", choices=[v.name for v in VARIANTS], help="run only NAME"
    )
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "stub-matrix.md")
    parser.add_argument("--python", default="python3", help="interpreter that creates the venvs")
    parser.add_argument(
        "--reference-python",
        default=str(REPO / ".venv" / "bin" / "python"),
        help="interpreter whose boto3/mypy/basedpyright/attrs/moto versions are pinned",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    python_arg: str = args.python
    reference_python: str = args.reference_python
    python = shutil.which(python_arg) or python_arg
    pins = reference_versions(reference_python)
    venv_python = run([python, "-c", "import platform; print(platform.python_version())"])
    pins["python"] = venv_python.stdout.strip() or "?"
    only: list[str] | None = args.only
    chosen = [v for v in VARIANTS if not only or v.name in only]
    tmp = Path(tempfile.mkdtemp(prefix="stub-matrix-"))
    log(f"working in {tmp}; pins {pins}")
    results: list[VariantResult] = []
    try:
        for variant in chosen:
            results.append(run_variant(variant, python, tmp, pins))
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    output: Path = args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(results, pins, started))
    log(f"wrote {output} after {(time.monotonic() - started) / 60:.1f} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
