"""What README.md states about the package's own files matches those files."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
#: The header row of the README's table of what each install brings.
EXTRAS_HEADER = "| extra | adds | needed for |"
#: A requirement as the table names it: a backticked distribution name, extras allowed.
TABLE_REQUIREMENT = re.compile(r"`([A-Za-z0-9_.-]+(?:\[[a-z0-9_,-]+\])?)`")


def _named(requirement: str) -> str:
    """``name[extra,…]`` with the extras sorted and no version: what the table writes."""
    parsed = Requirement(requirement)
    extras = f"[{','.join(sorted(parsed.extras))}]" if parsed.extras else ""
    return f"{parsed.name}{extras}"


def _table_rows() -> dict[str, set[str]]:
    """The README's extras table: each row's extra (``""`` for the plain install) and the
    requirements its "adds" cell names (nothing else is backticked there)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(EXTRAS_HEADER) + 2  # past the header and its --- row
    rows: dict[str, set[str]] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        extra, adds = (cell.strip() for cell in line.strip("|").split("|")[:2])
        rows[extra.strip("`") if extra.startswith("`") else ""] = {
            _named(named) for named in TABLE_REQUIREMENT.findall(adds)
        }
    return rows


def test_the_extras_table_names_every_requirement_of_every_extra() -> None:
    """The Installing section's table lists the plain install and each extra of
    pyproject.toml, with exactly the distributions (and their extras) each one adds."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {"": {_named(r) for r in project["dependencies"]}} | {
        extra: {_named(r) for r in requirements}
        for extra, requirements in project["optional-dependencies"].items()
    }

    assert _table_rows() == declared
