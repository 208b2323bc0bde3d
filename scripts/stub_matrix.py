"""Type-check probe code against each boto3 stub package with mypy --strict and basedpyright.

Not part of CI; it produces the evidence that mypy.ini's header cites. For each variant in
VARIANTS the script creates a throwaway venv in a temporary directory (boto3, botocore, mypy,
basedpyright, attrs and moto pinned to the versions of the reference interpreter, normally
.venv, plus the variant's stub packages), writes a probe file of correct lines, planted
mistakes (PROBES) and reveal_type calls (REVEALS), runs both checkers on it and writes a
compact Markdown matrix (variant x checker x probe outcome) to docs/stub-matrix.md.

    .venv/bin/python scripts/stub_matrix.py [--only NAME]... [--keep] [--output PATH]

Variants are installed one after another: expect a few minutes, more on a cold pip cache.
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
from typing import Any, NamedTuple, TypedDict

REPO = Path(__file__).resolve().parent.parent
SERVICES = "ec2,rds,s3,route53,autoscaling,iam"
PINNED = ("boto3", "botocore", "mypy", "basedpyright", "attrs", "moto")
TIMEOUT = 1800  # seconds, for any one pip or checker run


# --------------------------------------------------------------------------------------------
# Variants and probes

MYPY_EC2 = "from mypy_boto3_ec2 import EC2Client"
TYPES_EC2 = "from types_boto3_ec2 import EC2Client"
BTA_EC2 = "from boto3_type_annotations.ec2 import Client as EC2Client"


@dataclass(frozen=True)
class Variant:
    name: str
    packages: tuple[str, ...]  # installed on top of PINNED, in one pip command
    ec2_import: str = MYPY_EC2


VARIANTS: tuple[Variant, ...] = (
    Variant("none", ()),
    Variant("full", (f"boto3-stubs[{SERVICES}]",)),
    Variant("lite", (f"boto3-stubs-lite[{SERVICES}]",)),
    Variant("types", (f"types-boto3[{SERVICES}]",), TYPES_EC2),
    Variant("types-lite", (f"types-boto3-lite[{SERVICES}]",), TYPES_EC2),
    Variant("bta", ("boto3-type-annotations",), BTA_EC2),
    Variant("botocore", ("botocore-stubs", "types-s3transfer")),
    Variant("both", (f"boto3-stubs[{SERVICES}]", f"types-boto3[{SERVICES}]")),
)


@dataclass(frozen=True)
class Probe:
    """One tagged line of the probe file, after its setup lines.

    mypy / pyright: the error codes (rules) that count as catching the planted mistake; both
    empty means the line is correct code and should type-check cleanly.
    """

    pid: str
    setup: tuple[str, ...]
    line: str
    mypy: frozenset[str] = frozenset()
    pyright: frozenset[str] = frozenset()
    group: str = "boto3"  # or "setup" (the imports) or "control" (attrs and moto)


Expect = tuple[tuple[str, ...], tuple[str, ...]]
CLEAN: Expect = ((), ())
ASSIGN: Expect = (("assignment",), ("reportAssignmentType",))
ARG: Expect = (("arg-type",), ("reportArgumentType",))
KWARG: Expect = (("call-arg",), ("reportCallIssue",))
LITERAL_ARG: Expect = (("call-overload", "arg-type"), ("reportCallIssue", "reportArgumentType"))
ATTR: Expect = (("attr-defined",), ("reportAttributeAccessIssue",))
TD_KEY: Expect = (
    ("typeddict-item",),
    ("reportTypedDictNotRequiredAccess", "reportGeneralTypeIssues", "reportArgumentType"),
)
BAD_MODE: Expect = (("typeddict-item", "arg-type", "dict-item"), ("reportArgumentType",))
FROZEN: Expect = (("misc",), ("reportAttributeAccessIssue",))


def _p(pid: str, code: str, expect: Expect = CLEAN, group: str = "boto3") -> Probe:
    """A probe from its code: setup lines, then the probed line last."""
    *setup, line = code.split("\n")
    return Probe(pid, tuple(setup), line, frozenset(expect[0]), frozenset(expect[1]), group)


RESP = "resp = client.describe_instances()\n"
PAGES = (
    'paginator = client.get_paginator("describe_instances")\nfor page in paginator.paginate():\n'
)

# Run twice: on an unannotated client (u.) and on `client: EC2Client = ...` (a.).
CLIENT_PROBES: tuple[tuple[str, str, Expect], ...] = (
    ("wrong-assign", "_x: int = client.describe_instances()", ASSIGN),
    ("arg-type", '_r = client.describe_instances(MaxResults="10")', ARG),
    ("bad-kwarg", '_r = client.describe_instances(InstanceIdz=["i-1"])', KWARG),
    ("bad-key", RESP + '_k = resp["Reservationz"]', TD_KEY),
    ("good-key", RESP + '_i: str = resp["Reservations"][0]["Instances"][0]["InstanceId"]', CLEAN),
    ("bad-paginator", '_p = client.get_paginator("describe_instancez")', LITERAL_ARG),
    ("page-assign", PAGES + '    _y: int = page["Reservations"]', ASSIGN),
    ("bad-waiter", '_w = client.get_waiter("instance_runing")', LITERAL_ARG),
    ("waiter-kwarg", 'client.get_waiter("instance_running").wait(InstanceIdz=["i-1"])', KWARG),
    ("good-call", '_g = client.describe_instances(InstanceIds=["i-1"], MaxResults=10)', CLEAN),
    ("recent-api", "_t = client.describe_instance_topology()", CLEAN),
)
CLIENTS = (
    ("u", 'client = session.client("ec2")\n'),
    ("a", 'client: EC2Client = session.client("ec2")\n'),
)

PROBES: tuple[Probe, ...] = (
    _p("import-boto3", "from boto3.session import Session", group="setup"),
    _p("import-ec2client", "from <variant's package> import EC2Client", group="setup"),
    _p("client-call", 'client = session.client("ec2")'),
    _p("ec2-annotate", 'client: EC2Client = session.client("ec2")'),
    *(
        _p(f"{u_or_a}.{pid}", head + code, e)
        for u_or_a, head in CLIENTS
        for pid, code, e in CLIENT_PROBES
    ),
    _p(
        "sqs-typo",
        'sqs = session.client("sqs")\n_s = sqs.send_mesage(QueueUrl="u", MessageBody="b")',
        ATTR,
    ),
    _p("config-bad-mode", '_c = Config(retries={"mode": "standrd"})', BAD_MODE),
    _p("config-bad-kwarg", '_c = Config(retriez={"mode": "standard"})', KWARG),
    _p(
        "config-retries",
        'cfg = Config(retries={"mode": "standard"})\n_r: int = cfg.retries',
        ASSIGN,
    ),
    _p("error-code", '_e: int = err.response["Error"]["Code"]', ASSIGN),
    _p("moto-decorator", "_m: str = _decorated(1)", ASSIGN, "control"),
    _p("moto-context", "with mock_aws() as mocked:\n    _n: int = mocked", ASSIGN, "control"),
    _p("attrs-frozen", "point = Point(1)\npoint.x = 2", FROZEN, "control"),
    _p("attrs-ctor", '_q = Point("a")', ARG, "control"),
)

# reveal_type(expression), after the setup lines.
REVEALS: tuple[tuple[str, str, str], ...] = (
    ("client", "", 'session.client("ec2")'),
    ("response", "", 'session.client("ec2").describe_instances()'),
    ("annotated-client", CLIENTS[1][1], "client"),
    ("annotated-response", CLIENTS[1][1], "client.describe_instances()"),
    ("paginator", "", 'session.client("ec2").get_paginator("describe_instances")'),
    ("sqs-client", "", 'session.client("sqs")'),
    ("config-retries", 'cfg = Config(retries={"mode": "standard"})\n', "cfg.retries"),
    ("error-response", "", "err.response"),
    ("error-code", "", 'err.response["Error"]["Code"]'),
    ("mock-aws", "", "mock_aws()"),
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
    header = PROBE_HEADER.replace(
        "{IMPORT_BOTO3}", f"{PROBES[0].line}  # P:{PROBES[0].pid}"
    ).replace("{IMPORT_EC2}", f"{variant.ec2_import}  # P:import-ec2client")
    lines = header.rstrip("\n").split("\n")
    for index, probe in enumerate(PROBES):
        if probe.group != "setup":
            lines += _function(f"probe_{index}", probe.setup, f"{probe.line}  # P:{probe.pid}")
    for index, (rid, setup, expr) in enumerate(REVEALS):
        setup_lines = setup.split("\n")[:-1]
        lines += _function(f"reveal_{index}", setup_lines, f"reveal_type({expr})  # R:{rid}")
    probe_lines: dict[str, int] = {}
    reveal_lines: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if match := re.search(r"# ([PR]):(\S+)$", text):
            (probe_lines if match[1] == "P" else reveal_lines)[match[2]] = number
    return "\n".join(lines) + "\n", probe_lines, reveal_lines


# --------------------------------------------------------------------------------------------
# Running and inspecting a venv


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run(argv: Sequence[str], cwd: Path | None = None, timeout: float = TIMEOUT) -> Ran:
    try:
        done = subprocess.run(
            list(argv), cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout if isinstance(exc.stdout, str) else ""
        return Ran(-1, out, f"timed out after {timeout}s")
    return Ran(done.returncode, done.stdout, done.stderr)


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


class DistInfo(TypedDict):
    version: str
    typed: dict[str, str]  # top-level folder -> "yes" / "partial" / "no" (py.typed marker)
    nfiles: int
    missing: int  # recorded files no longer on disk
    changed: int  # files shared with another distribution that no longer match the RECORD


class Inspection(TypedDict):
    dists: dict[str, DistInfo]
    shared: dict[str, dict[str, int]]  # "a + b" -> top-level folder -> files both own
    session_pyi: dict[str, int]  # boto3-stubs/session.pyi: mentions of each family's modules


INSPECT_SRC = r"""
import base64, hashlib, importlib.metadata as md, json, sysconfig
from pathlib import Path

records, owners, dists, shared = {}, {}, {}, {}
for dist in md.distributions():
    name = dist.metadata["Name"]
    records[name] = (dist, [f for f in dist.files or [] if not str(f).startswith("..")])
    for f in records[name][1]:
        if ".dist-info/" not in str(f) and "__pycache__" not in str(f):
            owners.setdefault(str(f), []).append(name)
for name, (dist, files) in records.items():
    base = Path(str(dist.locate_file("")))
    typed = {}
    for top in sorted({str(f).split("/")[0] for f in files if "/" in str(f)}):
        if top == "__pycache__" or top.endswith((".dist-info", ".egg-info", ".data")):
            continue
        marker = base / top / "py.typed"
        text = marker.read_text(errors="replace") if marker.exists() else None
        typed[top] = "no" if text is None else "partial" if "partial" in text else "yes"
    missing = changed = 0
    for f in files:
        path = base / str(f)
        if not path.exists():
            missing += 1
        elif len(owners.get(str(f), ())) > 1 and f.hash is not None and f.hash.mode == "sha256":
            digest = base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest())
            changed += digest.decode().rstrip("=") != f.hash.value
    dists[name] = {"version": dist.version, "typed": typed, "nfiles": len(files),
                   "missing": missing, "changed": changed}
for path, names in sorted(owners.items()):
    if len(names) > 1:
        tops = shared.setdefault(" + ".join(sorted(names)), {})
        tops[path.split("/")[0]] = tops.get(path.split("/")[0], 0) + 1
pyi = Path(sysconfig.get_paths()["purelib"]) / "boto3-stubs" / "session.pyi"
text = pyi.read_text(errors="replace") if pyi.exists() else None
refs = {} if text is None else {k: text.count(k) for k in ("mypy_boto3_", "types_boto3_")}
print(json.dumps({"dists": dists, "shared": shared, "session_pyi": refs}))
"""


def inspect(python: Path) -> Inspection | None:
    ran = run([str(python), "-c", INSPECT_SRC], timeout=600)
    inspection: Inspection | None = json.loads(ran.stdout) if ran.returncode == 0 else None
    return inspection


def reference_versions(python: str) -> dict[str, str]:
    src = "import importlib.metadata as m, sys; print(*map(m.version, sys.argv[1:]))"
    ran = run([python, "-c", src, *PINNED], timeout=120)
    if ran.returncode != 0:
        sys.exit(f"cannot read package versions with {python}:\n{ran.stderr}")
    return dict(zip(PINNED, ran.stdout.split(), strict=True))


# --------------------------------------------------------------------------------------------
# Diagnostics


@dataclass(frozen=True)
class Diag:
    line: int
    code: str
    message: str
    severity: str


ANY_MYPY = re.compile(r'Expression (has type|type contains) "Any"')
REVEAL_MYPY = re.compile(r'^Revealed type is "(.*)"$')
REVEAL_PYRIGHT = re.compile(r'^Type of ".*" is "(.*)"$')
PYRIGHT_IGNORED = frozenset(
    f"reportUnused{kind}" for kind in ("Variable", "Expression", "CallResult", "Function", "Class")
)


def parse_mypy(output: str) -> list[Diag]:
    diags: list[Diag] = []
    for raw in output.splitlines():
        if not raw.startswith("{"):
            continue
        item: dict[str, Any] = json.loads(raw)
        if Path(str(item.get("file"))).name != "probe.py" or not isinstance(item["line"], int):
            continue
        line, code = item["line"], str(item.get("code") or "-")
        diags.append(Diag(line, code, str(item["message"]), str(item["severity"])))
        # Notes attached to an error (e.g. a reveal_type on an erroring line) come as hints.
        diags += [
            Diag(line, code, h.strip(), "note") for h in str(item.get("hint") or "").splitlines()
        ]
    return diags


def parse_pyright(output: str) -> list[Diag]:
    try:
        report: dict[str, list[dict[str, Any]]] = json.loads(output)
    except json.JSONDecodeError:
        return []
    return [
        Diag(
            item.get("range", {"start": {"line": -1}})["start"]["line"] + 1,
            item.get("rule") or "-",
            str(item.get("message", "")).replace("\n", " "),
            item.get("severity", "error"),
        )
        for item in report.get("generalDiagnostics", [])
        if Path(str(item.get("file"))).name == "probe.py"
    ]


def is_unknown_rule(code: str) -> bool:
    return code.startswith("reportUnknown")


def short(code: str) -> str:
    return code.removeprefix("report")


def classify(
    expected: frozenset[str], errors: Sequence[Diag], anys: Sequence[Diag], any_word: str
) -> str:
    """The cell value for one probe line (see LEGEND)."""
    codes = sorted({d.code for d in errors})
    any_status = ""
    if anys:
        partial = all("contains" in d.message or "partially" in d.message for d in anys)
        any_status = f"part-{any_word}" if partial else any_word
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


def reveals(
    diags: Sequence[Diag], lines: Mapping[str, int], pattern: re.Pattern[str]
) -> dict[str, str]:
    """Reveal id -> the type revealed on its line."""
    ids = {number: rid for rid, number in lines.items()}
    return {ids[d.line]: m[1] for d in diags if d.line in ids and (m := pattern.match(d.message))}


# --------------------------------------------------------------------------------------------
# One variant


@dataclass
class VariantResult:
    variant: Variant
    installed: bool = False
    pip_output: str = ""
    inspection: Inspection | None = None
    mypy: dict[str, str] = field(default_factory=dict)  # probe id -> cell
    pyright: dict[str, str] = field(default_factory=dict)
    mypy_reveal: dict[str, str] = field(default_factory=dict)  # reveal id -> type
    pyright_reveal: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


MYPY_INI = "[mypy]\nstrict = True\npython_version = 3.11\nshow_error_codes = True\n"


def install(result: VariantResult, python: str, venv: Path, pins: Mapping[str, str]) -> None:
    made = run([python, "-m", "venv", str(venv)])
    if made.returncode != 0:
        result.notes.append(f"venv creation failed: {made.stderr.strip()}")
        return
    vpy = str(venv / "bin" / "python")
    requirements = [f"{name}=={pins[name]}" for name in PINNED] + list(result.variant.packages)
    pip = run([vpy, "-m", "pip", "install", "-q", *requirements])
    # pip.conf on some machines lists local index folders; their "is ignored" warnings are noise.
    result.pip_output = "\n".join(
        line
        for line in (pip.stdout + pip.stderr).splitlines()
        if line.strip() and not line.startswith("WARNING: Location 'file:")
    )
    result.installed = pip.returncode == 0
    if not result.installed:
        result.notes.append(f"pip exited with {pip.returncode}")
        return
    check = run([vpy, "-m", "pip", "check"])
    if "No broken requirements" not in check.stdout + check.stderr:
        result.notes.append(f"pip check: {shorten((check.stdout + check.stderr).strip(), 300)}")
    result.inspection = inspect(venv / "bin" / "python")


def run_mypy(result: VariantResult, workdir: Path, config: str, cache: str) -> list[Diag]:
    vpy = str(workdir / "venv" / "bin" / "python")
    options = ("-O", "json", "--no-error-summary", "--config-file", config, "--cache-dir", cache)
    ran = run([vpy, "-m", "mypy", *options, "probe.py"], workdir)
    if ran.returncode not in (0, 1):
        result.notes.append(f"mypy exited {ran.returncode}: {ran.stderr.strip()[:500]}")
    return parse_mypy(ran.stdout)


def run_pyright(result: VariantResult, workdir: Path, name: str, **extra: str) -> list[Diag]:
    config = workdir / name / "pyrightconfig.json"
    config.parent.mkdir(exist_ok=True)
    settings: dict[str, object] = {"typeCheckingMode": "strict", "venvPath": str(workdir)}
    settings |= {"pythonVersion": "3.11", "venv": "venv", "include": [str(workdir / "probe.py")]}
    settings |= extra
    config.write_text(json.dumps(settings, indent=2) + "\n")
    exe = str(workdir / "venv" / "bin" / "basedpyright")
    ran = run([exe, "--outputjson", "-p", str(config)], workdir)
    if ran.returncode not in (0, 1):
        result.notes.append(f"basedpyright exited {ran.returncode}: {ran.stderr[:500]}")
    return parse_pyright(ran.stdout)


def run_variant(variant: Variant, python: str, tmp: Path, pins: Mapping[str, str]) -> VariantResult:
    result = VariantResult(variant)
    workdir = tmp / variant.name
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"[{variant.name}] installing {' '.join(variant.packages) or '(no stubs)'}")
    install(result, python, workdir / "venv", pins)
    if not result.installed:
        log(f"[{variant.name}] install failed")
        return result
    source, probe_lines, reveal_lines = build_probe(variant)
    (workdir / "probe.py").write_text(source)
    (workdir / "mypy.ini").write_text(MYPY_INI)
    # disallow_any_expr for the probe module only, so the cache of the libraries stays valid.
    (workdir / "mypy_any.ini").write_text(MYPY_INI + "\n[mypy-probe]\ndisallow_any_expr = True\n")
    log(f"[{variant.name}] mypy")
    mypy = run_mypy(result, workdir, "mypy.ini", ".mypy_cache")
    # A second pass of each checker tells Any (nothing could be checked) from a real miss.
    mypy_any = run_mypy(result, workdir, "mypy_any.ini", ".mypy_cache")
    log(f"[{variant.name}] basedpyright")
    pyright = run_pyright(result, workdir, "strict")
    pyright_any = run_pyright(result, workdir, "report_any", reportAny="warning")
    declared_any = {d.line for d in pyright_any if d.code == "reportAny"}
    for probe in PROBES:
        at = probe_lines[probe.pid]
        errors = [d for d in mypy if d.line == at and d.severity == "error"]
        anys = [d for d in mypy_any if d.line == at and ANY_MYPY.search(d.message)]
        result.mypy[probe.pid] = classify(probe.mypy, errors, anys, "Any")
        here = [d for d in pyright if d.line == at and d.severity in ("error", "warning")]
        errors = [d for d in here if not is_unknown_rule(d.code) and d.code not in PYRIGHT_IGNORED]
        anys = [d for d in here if is_unknown_rule(d.code)]
        cell = classify(probe.pyright, errors, anys, "Unknown")
        silent_any = cell in ("missed", "clean") and at in declared_any
        result.pyright[probe.pid] = "Any" if silent_any else cell
    result.mypy_reveal = reveals(mypy, reveal_lines, REVEAL_MYPY)
    result.pyright_reveal = reveals(pyright, reveal_lines, REVEAL_PYRIGHT)
    if variant.name == "both":
        lines = probe_lines["import-boto3"], reveal_lines["client"]
        result.notes += uninstall_types_boto3(result, workdir, *lines)
    elif variant.name == "bta":
        result.notes += bta_coverage(workdir / "venv" / "bin" / "python")
    elif variant.name == "botocore":
        result.notes += error_response_any(result.mypy_reveal.get("error-response", ""))
    log(f"[{variant.name}] done")
    return result


# Extra probes for single variants


def uninstall_types_boto3(
    result: VariantResult, workdir: Path, import_line: int, reveal_line: int
) -> list[str]:
    """With both families installed: what is left once types-boto3 is uninstalled."""
    vpy = workdir / "venv" / "bin" / "python"
    uninstall = run([str(vpy), "-m", "pip", "uninstall", "-y", "-q", "types-boto3"])
    said = (uninstall.stdout + uninstall.stderr).strip()
    after = inspect(vpy)
    stubs = after["dists"].get("boto3-stubs") if after else None
    missing = f"{stubs['missing']}/{stubs['nfiles']}" if stubs else "?"
    diags = run_mypy(result, workdir, "mypy.ini", ".mypy_cache_after")
    client = reveals(diags, {"client": reveal_line}, REVEAL_MYPY).get("client", "-")
    imported = {d.code for d in diags if d.line == import_line and d.code != "-"}
    return [
        f"after `pip uninstall types-boto3` (pip said: {shorten(said, 300) or 'nothing'}):"
        f" boto3-stubs files missing {missing}, mypy import-boto3"
        f" {', '.join(sorted(imported)) or 'clean'}, mypy client {client}"
    ]


BTA_SRC = r"""
import json, botocore.session
from botocore import xform_name
from boto3_type_annotations.ec2.client import Client
model = botocore.session.get_session().get_service_model("ec2")
ops = [xform_name(o) for o in model.operation_names]
print(json.dumps({"ops": len(ops), "missing": sum(1 for o in ops if o not in vars(Client))}))
"""


def bta_coverage(vpy: Path) -> list[str]:
    """How many of botocore's EC2 operations boto3-type-annotations' ec2.Client lacks."""
    ran = run([str(vpy), "-c", BTA_SRC], timeout=300)
    if ran.returncode != 0:
        return []
    counts: dict[str, int] = json.loads(ran.stdout)
    return [f"ec2.Client lacks {counts['missing']}/{counts['ops']} botocore EC2 operations"]


def error_response_any(revealed: str) -> list[str]:
    """The keys of ClientError.response whose values are or contain Any (mypy's reveal)."""
    keys = sorted(set(re.findall(r"'(\w+)'\??: (?:Any\b|[\w.]+\[[^\]]*\bAny\b)", revealed)))
    return [f"mypy: err.response has Any only under {', '.join(keys)}"] if keys else []


# --------------------------------------------------------------------------------------------
# Markdown

LEGEND = (
    "Cells: `caught` the planted mistake was reported (`+X`: other codes too); `other: X` an"
    " error, not the planted one; `missed` no error; `Any`/`part-Any` (mypy) the line has"
    " (contains) Any under disallow_any_expr; `Unknown`/`part-Unknown` (basedpyright) a"
    " reportUnknown* diagnostic; `Any` (basedpyright) strict is silent but reportAny fires;"
    " correct lines: `clean` or `error: X`. `u.` probes use an unannotated"
    ' `client = session.client("ec2")`, `a.` probes `client: EC2Client = ...`.'
)


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return out + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]


def describe_dists(dists: Sequence[DistInfo]) -> str:
    """E.g. "1.43.126 (stubs, py.typed)" or "6 pkgs 1.43.0..1.43.70 (py.typed)"."""
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


def dist_rows(results: Sequence[VariantResult]) -> list[list[str]]:
    """boto3-related distributions x variants; per-service stub packages share a row."""
    columns: list[dict[str, list[DistInfo]]] = []
    for result in results:
        column: dict[str, list[DistInfo]] = {}
        for dist_name, dist in (result.inspection or {"dists": {}})["dists"].items():
            name = dist_name.lower().replace("_", "-")
            if re.search(r"boto|s3transfer|awscrt", name):
                row = re.sub(r"^(mypy-boto3|types-boto3)-(?!lite$).*", r"\1-<service>", name)
                column.setdefault(row, []).append(dist)
        columns.append(column)
    names = sorted({row for column in columns for row in column})
    return [[row, *(describe_dists(column.get(row, [])) for column in columns)] for row in names]


def variant_notes(result: VariantResult) -> str:
    """Raw install facts: pip's output, files two packages overwrite, variant-only probes."""
    notes = [f"pip: {shorten(result.pip_output, 300)}"] if result.pip_output else []
    if result.inspection:
        for owners, tops in result.inspection["shared"].items():
            notes.append(
                f"{owners} both own "
                + ", ".join(f"{n} files under {top}/" for top, n in tops.items())
            )
        for name, dist in result.inspection["dists"].items():
            if dist["changed"]:
                notes.append(f"{name}: {dist['changed']} shared files differ from its RECORD")
        refs = result.inspection["session_pyi"]
        if result.inspection["shared"] and refs:
            notes.append(
                f"boto3-stubs/session.pyi names mypy_boto3_* {refs.get('mypy_boto3_', 0)}x,"
                f" types_boto3_* {refs.get('types_boto3_', 0)}x"
            )
    return "; ".join(notes + result.notes) or "-"


def caught(cells: Mapping[str, str]) -> str:
    """Planted boto3/botocore mistakes caught, e.g. "8/8 u., 8/8 a., 21/21 all"."""
    parts: list[str] = []
    for prefix, label in (("u.", "u."), ("a.", "a."), ("", "all")):
        planted = [p for p in PROBES if p.group == "boto3" and p.mypy and p.pid.startswith(prefix)]
        hits = sum(cells.get(p.pid, "").startswith("caught") for p in planted)
        parts.append(f"{hits}/{len(planted)} {label}")
    return ", ".join(parts)


def render(
    results: Sequence[VariantResult], pins: Mapping[str, str], date: str, minutes: float
) -> str:
    names = [r.variant.name for r in results]
    versions = ", ".join(f"{name} {pins[name]}" for name in ("python", *PINNED))
    variants = [
        [r.variant.name, " + ".join(r.variant.packages) or "-", variant_notes(r)] for r in results
    ]
    out = [
        "# boto3 stub variants under mypy --strict and basedpyright strict",
        "",
        f"Generated by `scripts/stub_matrix.py` on {date} in {minutes:.1f} minutes; not part of"
        f" CI. Each variant is a fresh venv with {versions}, plus its packages.",
        "",
        LEGEND,
        "",
        "## Variants",
        "",
        *table(
            ["variant", "installed on top", "notes: pip output, shared files, extra probes"],
            variants,
        ),
        "",
        "## Typing packages installed",
        "",
        *table(["package", *names], dist_rows(results)),
    ]
    for title, cells in (
        ("mypy --strict", [r.mypy for r in results]),
        ("basedpyright strict", [r.pyright for r in results]),
    ):
        rows = [
            [f"{p.pid} `{p.line.strip()}`", *(c.get(p.pid, "n/a") for c in cells)] for p in PROBES
        ]
        rows.append(["planted mistakes caught", *(caught(c) for c in cells)])
        out += ["", f"## {title}", "", *table(["probe", *names], rows)]
    for title, found in (
        ("mypy", [r.mypy_reveal for r in results]),
        ("basedpyright", [r.pyright_reveal for r in results]),
    ):
        rows = [
            [f"{rid} `{expr}`", *(shorten(f.get(rid, "-")) for f in found)]
            for rid, _, expr in REVEALS
        ]
        out += ["", f"## Revealed types, {title}", "", *table(["expression", *names], rows)]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    names = [v.name for v in VARIANTS]
    parser.add_argument("--only", action="append", choices=names, help="run only NAME")
    parser.add_argument("--keep", action="store_true", help="keep the temporary venvs")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "stub-matrix.md")
    parser.add_argument("--python", default="python3", help="interpreter that creates the venvs")
    parser.add_argument(
        "--reference-python",
        default=str(REPO / ".venv" / "bin" / "python"),
        help="interpreter whose boto3/mypy/basedpyright/attrs/moto versions are pinned",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    python = shutil.which(str(args.python)) or str(args.python)
    pins = reference_versions(str(args.reference_python))
    pins["python"] = run(
        [python, "-c", "import platform; print(platform.python_version())"]
    ).stdout.strip()
    only: list[str] = args.only or names
    tmp = Path(tempfile.mkdtemp(prefix="stub-matrix-"))
    log(f"working in {tmp}; pins {pins}")
    try:
        results = [run_variant(v, python, tmp, pins) for v in VARIANTS if v.name in only]
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    minutes = (time.monotonic() - started) / 60
    date = f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d}"
    output: Path = args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(results, pins, date, minutes))
    log(f"wrote {output} after {minutes:.1f} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
