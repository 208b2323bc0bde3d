"""What ``import awsfacade`` and importing each service's entry point add to ``import boto3``.

A service is measured as a user imports it, ``from awsfacade.ec2 import Ec2Service`` (for
fan-out, ``from awsfacade.fanout import fan_out``), not as a bare ``import awsfacade.ec2``: a
package that exports its names lazily would make the bare import cheap and prove nothing.

Each sample is a fresh interpreter that imports boto3, then runs the import measured, timing both
inside the process with ``time.process_time`` (CPU) and ``time.perf_counter`` (wall). The
figure is the CPU time: on a quiet machine the two agree (the files are in the page cache
after a warm-up), while on a shared one the wall time mostly measures the waits for a core;
the wall time is in the note. The interpreter's own start-up is left out: it is the same with
or without awsfacade. Rounds rotate the modules; each figure is the median over the rounds.

The interpreters use compiled ``.pyc`` files, as an installed package does (pip compiles on
install): ``PYTHONDONTWRITEBYTECODE`` is dropped and ``PYTHONPYCACHEPREFIX`` points at a
temporary directory that the warm-up fills, so a run never writes into the tree and never
times the compilation of awsfacade's sources (which, with bytecode writing off, added about
20 ms to the EC2 figure).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass

from _table import Figure, median, progress, with_bytecode

#: The modules whose import cost is measured, ``awsfacade`` first, each with the import a
#: user writes (the name they import from it; none for ``import awsfacade`` itself).
IMPORTS: Mapping[str, str | None] = {
    "awsfacade": None,
    "awsfacade.ec2": "Ec2Service",
    "awsfacade.s3": "S3Service",
    "awsfacade.iam": "IamService",
    "awsfacade.rds": "RdsService",
    "awsfacade.autoscaling": "AutoScalingService",
    "awsfacade.route53": "Route53Service",
    "awsfacade.fanout": "fan_out",
}
MODULES = tuple(IMPORTS)
#: The issue's budget per module, over ``import boto3``.
LIMIT_MS = 40.0

_PROBE = """
import importlib, json, sys, time
start, start_cpu = time.perf_counter(), time.process_time()
import boto3
middle, middle_cpu = time.perf_counter(), time.process_time()
module = importlib.import_module(sys.argv[1])
if sys.argv[2:]:
    getattr(module, sys.argv[2])
end, end_cpu = time.perf_counter(), time.process_time()
print(json.dumps({
    "boto3": [middle_cpu - start_cpu, middle - start],
    "module": [end_cpu - middle_cpu, end - middle],
    "moto": "moto" in sys.modules,
}))
"""


@dataclass(frozen=True)
class _Sample:
    """One fresh interpreter's figures: (CPU, wall) seconds of each import."""

    boto3: tuple[float, float]
    module: tuple[float, float]
    moto: bool


def statement(module: str) -> str:
    """The import measured for ``module``, as a user writes it."""
    name = IMPORTS[module]
    return f"import {module}" if name is None else f"from {module} import {name}"


def _sample(module: str, environment: Mapping[str, str]) -> _Sample:
    """``import boto3``, then :func:`statement` for ``module``, in a fresh interpreter."""
    name = IMPORTS[module]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, module, *([] if name is None else [name])],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answer = json.loads(done.stdout)
    boto3_cpu, boto3_wall = answer["boto3"]
    module_cpu, module_wall = answer["module"]
    return _Sample(
        (float(boto3_cpu), float(boto3_wall)),
        (float(module_cpu), float(module_wall)),
        bool(answer["moto"]),
    )


def import_figures(repeat: int) -> list[Figure]:
    """One figure a module, plus whether any of them imports moto."""
    with tempfile.TemporaryDirectory(prefix="awsfacade-pycache-") as pycache:
        return _figures(repeat, with_bytecode(pycache))


def _figures(repeat: int, environment: Mapping[str, str]) -> list[Figure]:
    for module in MODULES:  # warm the file system cache and write the .pyc files
        _sample(module, environment)
    boto3_samples: list[float] = []
    added: dict[str, list[float]] = {module: [] for module in MODULES}
    added_wall: dict[str, list[float]] = {module: [] for module in MODULES}
    with_moto: set[str] = set()
    for round_ in range(repeat):
        shift = round_ % len(MODULES)
        for module in MODULES[shift:] + MODULES[:shift]:
            sample = _sample(module, environment)
            boto3_samples.append(sample.boto3[0])
            added[module].append(sample.module[0])
            added_wall[module].append(sample.module[1])
            if sample.moto:
                with_moto.add(module)
    progress(f"imports: {repeat} rounds of {len(MODULES)} fresh interpreters")
    boto3_ms = median(boto3_samples) * 1000
    figures: list[Figure] = []
    for module in MODULES:
        extra_ms = median(added[module]) * 1000
        figures.append(
            Figure(
                f"`{statement(module)}` over `import boto3`",
                boto3_ms + extra_ms,
                boto3_ms,
                "ms",
                extra_ms,
                "+ms",
                "<=",
                LIMIT_MS,
                note=f"CPU, after boto3 in a fresh interpreter, from .pyc files; wall: "
                f"+{median(added_wall[module]) * 1000:.1f} ms",
            )
        )
    figures.append(
        Figure(
            "modules above that import moto",
            float(len(with_moto)),
            None,
            "",
            float(len(with_moto)),
            "",
            "<=",
            0,
            note=", ".join(sorted(with_moto)) or "none: moto is for the testing extra only",
        )
    )
    return figures
