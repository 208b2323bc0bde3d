"""What the pytest plugin costs: per test with ``aws_session`` or ``ec2_service``, and at start-up.

Run alone with ``python benchmarks/plugin_cost.py [tests] [rounds]`` (100 and 5 by default);
``benchmarks/run.py`` runs it with the other parts.

Whole pytest runs in a temporary folder (its own ``pytest.ini``, so no project conftest is
read, and the children's bytecode kept in a temporary ``PYTHONPYCACHEPREFIX`` as an installed
package has it), rounds alternating the variants; medians of wall time and of the run's CPU time
(user + system of the child, from ``getrusage``). On a quiet machine the two agree; on a
shared one the wall time also holds the waits for a core, so the per-test figure is CPU time
(the wall time is in its note) and the start-up has a row for each.

- fixture overhead: ``tests`` trivial tests that take ``aws_session``, and as many that take
  ``ec2_service``, each against the same number that take nothing; (with - without) / tests.
- start-up: one trivial test with the plugin (the default, as installed through the
  ``pytest11`` entry point) against the same run with ``-p no:awsfacade``.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from _table import Figure, markdown, median, progress, with_bytecode

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


def _pytest(run: _Run, cwd: Path, environment: Mapping[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one pytest run; raises if its tests did not all pass."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *run.options, run.path],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
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


def _wall_ms(wall: dict[str, list[float]], fixture: str, tests: int) -> float:
    """The wall time a test with ``fixture`` adds over a bare one, in milliseconds."""
    return (median(wall[fixture]) - median(wall["plain"])) / tests * 1000


def plugin_figures(tests: int, repeat: int) -> list[Figure]:
    """The fixture's overhead a test, and the plugin's start-up cost in CPU and wall time."""
    with (
        tempfile.TemporaryDirectory(prefix="awsfacade-bench-") as directory,
        tempfile.TemporaryDirectory(prefix="awsfacade-pycache-") as pycache,
    ):
        root = Path(directory)
        environment = with_bytecode(pycache)
        (root / "pytest.ini").write_text("[pytest]\n")
        plain = _write_test(root, "plain", tests, "def test_each(n):\n    assert n >= 0\n")
        session = _write_test(
            root,
            "session",
            tests,
            "def test_each(aws_session, n):\n    assert aws_session.region_name\n",
        )
        service = _write_test(
            root,
            "service",
            tests,
            "def test_each(ec2_service, n):\n    assert ec2_service.client\n",
        )
        one = _write_test(root, "one", 1, "def test_each(n):\n    assert n == 0\n")
        runs = {
            "plain": _Run(plain, (), tests),
            "aws_session": _Run(session, (), tests),
            "ec2_service": _Run(service, (), tests),
            "one": _Run(one, (), 1),
            "one unplugged": _Run(one, ("-p", "no:awsfacade"), 1),
        }
        for run in runs.values():  # warm-up: .pyc files and the file system cache
            _pytest(run, root, environment)
        wall: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        # The one-test runs are short: twice as many rounds of them, for steadier medians.
        for names, rounds in (
            (["plain", "aws_session", "ec2_service"], repeat),
            (["one", "one unplugged"], 2 * repeat + 1),
        ):
            for round_ in range(rounds):
                turn = round_ % len(names)
                for name in names[turn:] + names[:turn]:
                    seconds, cpu_seconds = _pytest(runs[name], root, environment)
                    wall[name].append(seconds)
                    cpu[name].append(cpu_seconds)
    progress(f"pytest: {repeat} rounds of {tests} tests, {2 * repeat + 1} of one test")
    without = median(cpu["plain"])
    figures = [
        Figure(
            f"pytest, {tests} trivial tests: with `{fixture}` vs none, a test",
            median(cpu[fixture]) / tests * 1000,
            without / tests * 1000,
            "ms",
            (median(cpu[fixture]) - without) / tests * 1000,
            "+ms",
            "<=",
            FIXTURE_LIMIT_MS,
            note=f"CPU of the whole run / tests; wall: +{_wall_ms(wall, fixture, tests):.1f} ms "
            "a test",
        )
        for fixture in ("aws_session", "ec2_service")
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


if __name__ == "__main__":
    arguments = [int(argument) for argument in sys.argv[1:3]]
    print(markdown(plugin_figures(*arguments) if arguments else plugin_figures(100, 5)))
