"""What ``import awsfacade`` and ``import awsfacade.<service>`` add to ``import boto3``.

Each sample is a fresh interpreter that imports boto3, then the module measured, timing both
inside the process with ``time.process_time`` (CPU) and ``time.perf_counter`` (wall). The
figure is the CPU time: on a quiet machine the two agree (the files are in the page cache
after a warm-up), while on a shared one the wall time mostly measures the waits for a core;
the wall time is in the note. The interpreter's own start-up is left out: it is the same with
or without awsfacade. Rounds rotate the modules; each figure is the median over the rounds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

from _table import Figure, median, progress

#: The modules whose import cost is measured, ``awsfacade`` first.
MODULES = (
    "awsfacade",
    "awsfacade.ec2",
    "awsfacade.s3",
    "awsfacade.iam",
    "awsfacade.rds",
    "awsfacade.autoscaling",
    "awsfacade.route53",
    "awsfacade.fanout",
)
#: The issue's budget per module, over ``import boto3``.
LIMIT_MS = 40.0

_PROBE = """
import importlib, json, sys, time
start, start_cpu = time.perf_counter(), time.process_time()
import boto3
middle, middle_cpu = time.perf_counter(), time.process_time()
importlib.import_module(sys.argv[1])
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


def _sample(module: str) -> _Sample:
    """``import boto3``, then ``module``, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, module],
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
    for module in MODULES:  # warm the file system cache and write the .pyc files
        _sample(module)
    boto3_samples: list[float] = []
    added: dict[str, list[float]] = {module: [] for module in MODULES}
    added_wall: dict[str, list[float]] = {module: [] for module in MODULES}
    with_moto: set[str] = set()
    for round_ in range(repeat):
        shift = round_ % len(MODULES)
        for module in MODULES[shift:] + MODULES[:shift]:
            sample = _sample(module)
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
                f"`import {module}` over `import boto3`",
                boto3_ms + extra_ms,
                boto3_ms,
                "ms",
                extra_ms,
                "+ms",
                "<=",
                LIMIT_MS,
                note=f"CPU, after boto3 in a fresh interpreter; wall: "
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
