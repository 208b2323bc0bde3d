"""The benchmark runner's one table: figures, their targets, and ``benchmarks/RESULTS.md``.

A :class:`Figure` holds what was measured on each side (awsfacade and raw boto3), the one
number compared with the issue's target (a ratio, a count, or an added cost) and that target.
Whether the target is met is computed, never typed in, and a missed target says "no".
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from typing import Literal

#: How the result is compared with its limit: at most, or at least.
Comparison = Literal["<=", ">="]


@dataclass(frozen=True)
class Figure:
    """One row of the table.

    ``facade`` and ``raw`` are shown in ``unit``; ``result`` in ``result_unit`` ("x" for a
    ratio, "+ms" or "+s" for an added cost, "" for a count) is what ``limit`` bounds.
    """

    figure: str
    facade: float | None
    raw: float | None
    unit: str
    result: float | None
    result_unit: str
    comparison: Comparison | None = None
    limit: float | None = None
    note: str = ""
    #: Why the part measuring this figure failed ("" if it did not): the row then says so.
    failed: str = ""

    @property
    def met(self) -> bool | None:
        """Whether ``result`` is within ``limit``; ``None`` where there is no target; ``False``
        if the measurement failed."""
        if self.failed:
            return False
        if self.limit is None or self.comparison is None or self.result is None:
            return None
        if self.comparison == "<=":
            return self.result <= self.limit
        return self.result >= self.limit

    @property
    def target(self) -> str:
        """The target as the issue writes it, e.g. ``≤ 1.05``."""
        if self.limit is None or self.comparison is None:
            return "—"
        sign = "≤" if self.comparison == "<=" else "≥"
        if self.result_unit.startswith("+"):
            return f"{sign} +{_number(self.limit, self.result_unit[1:])}"
        return f"{sign} {_number(self.limit, self.result_unit)}"

    def as_json(self) -> dict[str, str | float | bool | None]:
        """The row as plain JSON values."""
        return {
            "figure": self.figure,
            "facade": self.facade,
            "raw": self.raw,
            "unit": self.unit,
            "result": self.result,
            "result_unit": self.result_unit,
            "target": self.target,
            "met": self.met,
            "note": self.note,
            "failed": self.failed,
        }


def ratio(facade: float, raw: float) -> float | None:
    """facade / raw, or ``None`` when raw is zero."""
    return facade / raw if raw else None


def _number(value: float, unit: str) -> str:
    """``value`` with ``unit``: 3 significant digits at most, counts as whole numbers."""
    if unit == "x":
        return f"{value:.2f}"
    if unit in {"", "requests"}:
        return f"{value:,.0f}"
    if value == int(value) and abs(value) < 1000:
        text = f"{value:.0f}"
    elif abs(value) >= 1000:
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"
    return f"{text} {unit}".rstrip()


def _cell(value: float | None, unit: str) -> str:
    return "—" if value is None else _number(value, unit)


def _result(figure: Figure) -> str:
    value = figure.result
    if value is None:
        return "—"
    if figure.result_unit == "x":
        return f"{value:.2f}x" if value == 0 or value >= 0.1 else f"1/{1 / value:,.0f}"
    if figure.result_unit.startswith("+"):
        unit = figure.result_unit[1:]
        return f"{'+' if value >= 0 else '-'}{_number(abs(value), unit)}"
    return _number(value, figure.result_unit)


def _met(figure: Figure) -> str:
    met = figure.met
    return "—" if met is None else "yes" if met else "**no**"


def markdown(figures: Sequence[Figure]) -> str:
    """The figures as one Markdown table: figure, awsfacade, raw, ratio/count, target, met."""
    lines = [
        "| figure | awsfacade | raw boto3 | ratio / count | target | met? | note |",
        "| --- | ---: | ---: | ---: | :---: | :---: | --- |",
    ]
    for row in figures:
        cells = (
            row.figure,
            _cell(row.facade, row.unit),
            _cell(row.raw, row.unit),
            _result(row),
            row.target,
            _met(row),
            f"failed: {row.failed}" if row.failed else row.note,
        )
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def machine(load_before: Sequence[float]) -> str:
    """The machine line: CPUs, Python, the libraries' versions and the load averages."""
    load_after = os.getloadavg()
    versions = ", ".join(
        f"{name} {version(name)}" for name in ("boto3", "botocore", "moto", "pytest")
    )
    return (
        f"{os.cpu_count()} CPUs ({platform.machine()}, {platform.system()}), "
        f"Python {platform.python_version()}, {versions}; "
        f"load average (1, 5, 15 min) {_load(load_before)} at the start, "
        f"{_load(load_after)} at the end"
        + (
            " (a busy machine: the times are noisy)"
            # the 1-minute load before the run: later figures include the run's own processes
            if load_before[0] > (os.cpu_count() or 1) / 2
            else ""
        )
    )


def _load(load: Sequence[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


def results_page(figures: Sequence[Figure], machine_line: str, seconds: float, command: str) -> str:
    """The text of ``benchmarks/RESULTS.md``."""
    missed = [row.figure for row in figures if row.met is False]
    verdict = (
        "Every figure with a target meets it."
        if not missed
        else f"{len(missed)} figure(s) miss their target: " + "; ".join(missed) + "."
    )
    return "\n".join(
        (
            "# Benchmark results",
            "",
            "Written by `benchmarks/run.py`; do not edit by hand. Reproduce with:",
            "",
            "```sh",
            command,
            "```",
            "",
            f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            f"- machine: {machine_line}",
            f"- run time: {seconds:.0f} s",
            "- times are medians of runs that alternate the facade and raw boto3; ratios are "
            "awsfacade / raw; nothing here is asserted by the tests (request counts are)",
            "",
            markdown(figures),
            "",
            verdict,
            "",
        )
    )


def alternate(actions: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Wall times of each action, ``repeat`` rounds; each round runs them all, its start
    rotating, so drift and warm-up hit every action alike."""
    names = list(actions)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            actions[name]()
            samples[name].append(time.perf_counter() - start)
    return samples


def with_bytecode(pycache: str) -> dict[str, str]:
    """This process's environment for a child Python that reads and writes bytecode in
    ``pycache``, as an installed package has its ``.pyc`` files (``PYTHONDONTWRITEBYTECODE``,
    set on some machines, would have every child compile awsfacade's sources again)."""
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
    }
    environment["PYTHONPYCACHEPREFIX"] = pycache
    return environment


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)


def progress(message: str) -> None:
    """A line on stderr, so a long run shows where it is."""
    print(f"  {message}", file=sys.stderr, flush=True)
