"""What the pytest plugin costs: per test with ``ec2_service``, and at every pytest start-up.

Whole pytest runs in a temporary folder (its own ``pytest.ini``, so no project conftest is
read), rounds alternating the variants; medians of wall time and of the run's CPU time
(user + system of the child, from ``getrusage``). On a quiet machine the two agree; on a
shared one the wall time also holds the waits for a core, so the per-test figure is CPU time
(the wall time is in its note) and the start-up has a row for each.

- fixture overhead: ``tests`` trivial tests that take ``ec2_service`` against the same number
  that take nothing; (with - without) / tests.
- start-up: one trivial test with the plugin (the default, as installed through the
  ``pytest11`` entry point) against the same run with ``-p no:awsfacade``.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _table import Figure, median, progress

#: The issue's budgets.
FIXTURE_LIMIT_MS = 15.0
STARTUP_LIMIT_S = 0.15


@dataclass(frozen=True)
class _Run:
    """One pytest run to sample: its test file, extra options and how many tests pass."""

    path: Path
    options: tuple[str, ...]
    tests: int


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pytest(run: _Run, cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one pytest run; raises if its tests did not all pass."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *run.options, run.path],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=600,
    )
    wall = time.perf_counter() - start
    if f"{run.tests} passed" not in done.stdout:
        raise RuntimeError(f"pytest run failed:\n{done.stdout}\n{done.stderr}")
    return wall, _children_cpu() - cpu


def _write_test(root: Path, name: str, tests: int, body: str) -> Path:
    path = root / f"test_{name}.py"
    path.write_text(f"import pytest\n\n@pytest.mark.parametrize('n', range({tests}))\n{body}")
    return path


def plugin_figures(tests: int, repeat: int) -> list[Figure]:
    """The fixture's overhead a test, and the plugin's start-up cost in CPU and wall time."""
    with tempfile.TemporaryDirectory(prefix="awsfacade-bench-") as directory:
        root = Path(directory)
        (root / "pytest.ini").write_text("[pytest]\n")
        plain = _write_test(root, "plain", tests, "def test_each(n):\n    assert n >= 0\n")
        fixture = _write_test(
            root,
            "fixture",
            tests,
            "def test_each(ec2_service, n):\n    assert ec2_service.client\n",
        )
        one = _write_test(root, "one", 1, "def test_each(n):\n    assert n == 0\n")
        runs = {
            "plain": _Run(plain, (), tests),
            "ec2_service": _Run(fixture, (), tests),
            "one": _Run(one, (), 1),
            "one unplugged": _Run(one, ("-p", "no:awsfacade"), 1),
        }
        for run in runs.values():  # warm-up: .pyc files and the file system cache
            _pytest(run, root)
        wall: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        # The one-test runs are short: twice as many rounds of them, for steadier medians.
        for names, rounds in (
            (["plain", "ec2_service"], repeat),
            (["one", "one unplugged"], 2 * repeat + 1),
        ):
            for round_ in range(rounds):
                for name in names[round_ % 2 :] + names[: round_ % 2]:
                    seconds, cpu_seconds = _pytest(runs[name], root)
                    wall[name].append(seconds)
                    cpu[name].append(cpu_seconds)
    progress(f"pytest: {repeat} rounds of {tests} tests, {2 * repeat + 1} of one test")
    with_fixture, without = median(cpu["ec2_service"]), median(cpu["plain"])
    wall_per_test_ms = (median(wall["ec2_service"]) - median(wall["plain"])) / tests * 1000
    figures = [
        Figure(
            f"pytest, {tests} trivial tests: with `ec2_service` vs none, a test",
            with_fixture / tests * 1000,
            without / tests * 1000,
            "ms",
            (with_fixture - without) / tests * 1000,
            "+ms",
            "<=",
            FIXTURE_LIMIT_MS,
            note=f"CPU of the whole run / tests; wall: +{wall_per_test_ms:.1f} ms a test",
        )
    ]
    for kind, samples in (("CPU", cpu), ("wall", wall)):
        plugged, unplugged = median(samples["one"]), median(samples["one unplugged"])
        figures.append(
            Figure(
                f"pytest start-up (one trivial test): plugin vs `-p no:awsfacade`, {kind}",
                plugged,
                unplugged,
                "s",
                plugged - unplugged,
                "+s",
                "<=",
                STARTUP_LIMIT_S,
                note="every pytest run in an environment with `awsfacade[testing]` pays it",
            )
        )
    return figures
