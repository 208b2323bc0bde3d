"""What the docs state about the package's own files matches those files."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
#: The pages that may hold the table of what each install brings (README.md and the site's).
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
#: The header row of that table.
EXTRAS_HEADER = "| extra | adds | needed for |"
#: A requirement as the table names it: a backticked distribution name, extras allowed.
TABLE_REQUIREMENT = re.compile(r"`([A-Za-z0-9_.-]+(?:\[[a-z0-9_,-]+\])?)`")


def _named(requirement: str) -> str:
    """``name[extra,…]`` with the extras sorted and no version: what the table writes."""
    parsed = Requirement(requirement)
    extras = f"[{','.join(sorted(parsed.extras))}]" if parsed.extras else ""
    return f"{parsed.name}{extras}"


def _table_rows(lines: list[str]) -> dict[str, set[str]]:
    """The extras table: each row's extra (``""`` for the plain install) and the requirements
    its "adds" cell names (nothing else is backticked there)."""
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
    """The table of what each install brings (on every page that shows it) lists the plain
    install and each extra of pyproject.toml, with exactly the distributions (and their extras)
    each one adds."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {"": {_named(r) for r in project["dependencies"]}} | {
        extra: {_named(r) for r in requirements}
        for extra, requirements in project["optional-dependencies"].items()
    }
    tables = {
        page.relative_to(ROOT).as_posix(): _table_rows(lines)
        for page in PAGES
        if EXTRAS_HEADER in (lines := page.read_text(encoding="utf-8").splitlines())
    }

    assert tables, f"no page holds the extras table ({EXTRAS_HEADER})"
    assert tables == dict.fromkeys(tables, declared)
