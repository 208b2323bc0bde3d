"""Mutation testing for src/awsfacade: small changes to the code, and whether a test notices.

Not part of CI (the first measurement takes about 40 minutes on two loaded cores, then 42
mutants about 17). Standard library and
coverage only: mutants come from the ``ast`` of each module under ``src/awsfacade``
(``testing/`` excluded), one change each:

* comparisons flipped: ``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not in``,
  ``is`` ↔ ``is not``;
* ``and`` ↔ ``or``; an ``if`` condition (statement or expression) negated;
* the guard of an ``if`` whose body raises made ``False``;
* an integer constant ``n`` made ``n + 1`` or ``n - 1`` (``0`` only becomes ``1``);
* a string that is a dict value, a compared value or an error code (a key of a table of error
  classes) prefixed with ``X``;
* one element dropped from a tuple, list, set or dict literal;
* ``return X`` made ``return None``.

Nothing under ``if TYPE_CHECKING:``, in annotations, f-strings, ``__all__`` or ``@overload``
bodies is mutated. The repository is never written to: the script copies the working tree
(tracked and untracked files that git does not ignore; ``--rev`` copies a commit instead) into
a temporary directory once and gives each of ``--jobs`` workers its own copy of that snapshot.

Every test that could kill a mutant runs against it, and no other. Once per run, every folder
of ``TESTS`` (all but ``tests/typing`` and ``tests/downstream``, which only type-check) runs on
the unmutated copy under ``coverage run`` with ``scripts/mutate_plugin.py``, which records each
test's lines (fixtures and subprocesses included) under a coverage context named after its node
ID; the run stops unless every test passes. ``--contexts DIR`` keeps that measurement and reuses
it while no file of the snapshot changes. Then a mutant at ``FILE:LINE`` runs

    pytest -x -q -p no:cacheprovider -p mutate_plugin <the tests whose context covered the line>

(``CoverageData.contexts_by_lineno``; the lines of its whole statement when Python attributes
its code to another). A line run only at import (module and class bodies, defaults,
decorators) runs the tests that run a line naming what its statement defines. A line no test
runs falls back to every folder of ``TESTS`` (such mutants survive). Tests run with
``PYTHONPATH`` = the copy's ``src`` (so the copy, not the editable install, is imported:
checked in every worker, including the pytest plugin's entry point), ``tests`` and
``scripts``, and no bytecode written. A failing run or a timeout kills the mutant; a passing
one survives.

    .venv/bin/python scripts/mutate.py --per-package 6 --files 'src/awsfacade/*/*' --seed 1 \
        --jobs 2 --contexts /tmp/mutate-contexts --json /tmp/mutants.json
    .venv/bin/python scripts/mutate.py --sample 80 --seed 2 --jobs 2 --json /tmp/mutants.json
    .venv/bin/python scripts/mutate.py --replay /tmp/mutants.json  # only that run's survivors
    .venv/bin/python scripts/mutate.py --only src/awsfacade/_tags.py:88
    .venv/bin/python scripts/mutate.py --list --files _paging.py  # the mutants, not run
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import fnmatch
import hashlib
import json
import os
import queue
import random
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import coverage

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "src/awsfacade"
EXCLUDED = ("src/awsfacade/testing/",)
#: Every test folder whose tests run code of ``src/awsfacade`` (``tests/typing`` and
#: ``tests/downstream`` only run type checkers on it).
TESTS = (
    "tests/reliability",
    "tests/services",
    "tests/realism",
    "tests/docs",
    "tests/fanout",
    "tests/wire",
    "tests/plugin",
    "tests/unit",
    "tests/perf",
)
PYTEST = ("-q", "-p", "no:cacheprovider", "-p", "mutate_plugin")
#: The coverage configuration of the baseline run: per-test contexts (set by
#: ``scripts/mutate_plugin.py``), subprocesses included.
COVERAGE_RC = """\
[run]
source = awsfacade
omit = */awsfacade/testing/*
parallel = true
data_file = {data_file}
context = ${{MUTATE_CONTEXT}}
disable_warnings = module-not-imported, no-data-collected, module-not-measured
"""
DEFAULT_TIMEOUT = 600.0  # seconds for one mutant's test run; a timeout kills the mutant

Status = Literal["killed", "survived", "timeout"]
#: How a mutant's tests were chosen: the tests that ran its line, the tests that ran a line
#: using what its import-time statement defines, or (no test ran it) every test.
Scope = Literal["covered", "import-time", "uncovered"]

_COMPARE_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_COMPARE_TEXT: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}


# --------------------------------------------------------------------------------------------
# Mutants


@dataclass(frozen=True, order=True)
class Mutant:
    """One change: the source span ``[start, end)`` (byte offsets) becomes ``replacement``."""

    path: str  # relative to the repository root, with forward slashes
    line: int
    end_line: int
    col: int  # byte offset in the line, as ast reports it
    operator: str
    replacement: str
    start: int
    end: int
    description: str

    @property
    def key(self) -> str:
        """Identifies the mutant across runs on the same source."""
        return f"{self.path}:{self.line}:{self.col}:{self.operator}:{self.replacement}"

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def apply(self, source: bytes) -> bytes:
        return source[: self.start] + self.replacement.encode() + source[self.end :]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_overload(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        name = decorator.attr if isinstance(decorator, ast.Attribute) else None
        if isinstance(decorator, ast.Name):
            name = decorator.id
        if name == "overload":
            return True
    return False


def _assigns_all(node: ast.stmt) -> bool:
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    return any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets)


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _names_error_class(node: ast.expr | None) -> bool:
    """An error class in a code table (``"AuthFailure": AccessDeniedError``)."""
    name = node.id if isinstance(node, ast.Name) else None
    if isinstance(node, ast.Attribute):
        name = node.attr
    return name is not None and name.endswith("Error")


class _Generator:
    """Walks one module in source order and collects its mutants."""

    # Fields that hold annotations or type comments: never mutated.
    SKIPPED_FIELDS = frozenset({"annotation", "returns", "type_comment", "type_params"})

    def __init__(self, path: str, source: bytes) -> None:
        self.path = path
        self.source = source
        self.line_starts = [0]
        for index, byte in enumerate(source):
            if byte == ord("\n"):
                self.line_starts.append(index + 1)
        self.mutants: list[Mutant] = []
        self.seen: set[tuple[int, int, str]] = set()

    # -- helpers -------------------------------------------------------------------------------

    def offset(self, line: int, col: int) -> int:
        return self.line_starts[line - 1] + col

    def span(self, node: ast.expr) -> tuple[int, int]:
        assert node.end_lineno is not None, node
        assert node.end_col_offset is not None, node
        start = self.offset(node.lineno, node.col_offset)
        return start, self.offset(node.end_lineno, node.end_col_offset)

    def add(self, node: ast.expr, operator: str, replacement: str, what: str) -> None:
        start, end = self.span(node)
        if (start, end, replacement) in self.seen:
            return
        self.seen.add((start, end, replacement))
        original = self.source[start:end].decode()
        self.mutants.append(
            Mutant(
                path=self.path,
                line=node.lineno,
                end_line=node.end_lineno or node.lineno,
                col=node.col_offset,
                operator=operator,
                replacement=replacement,
                start=start,
                end=end,
                description=f"{what}: `{_short(original)}` → `{_short(replacement)}`",
            )
        )

    def add_expr(self, node: ast.expr, operator: str, mutated: ast.expr, what: str) -> None:
        """Replace an expression by another, parenthesised so precedence cannot change."""
        self.add(node, operator, f"({ast.unparse(mutated)})", what)

    # -- walking -------------------------------------------------------------------------------

    def run(self, tree: ast.Module) -> list[Mutant]:
        self.visit(tree)
        return self.mutants

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.JoinedStr):
            return  # quotes inside f-strings: not worth the risk of unparse changing them
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _is_overload(node):
            return
        if isinstance(node, ast.stmt) and _assigns_all(node):
            return
        if isinstance(node, ast.expr_context):
            return
        self.mutate(node)
        for field, value in ast.iter_fields(node):
            if field in self.SKIPPED_FIELDS:
                continue
            if isinstance(node, ast.Subscript) and field == "slice":
                # `dict[str, int]`, `Literal["a"]`: types, not values (real indexing still
                # gets its integer mutants through `visit_index`).
                self.visit_index(value)
                continue
            if isinstance(value, list):
                for item in value:  # pyright: ignore[reportUnknownVariableType]
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def visit_index(self, value: object) -> None:
        if isinstance(value, ast.Constant | ast.Slice | ast.UnaryOp | ast.BinOp | ast.Name):
            self.visit(value)

    def mutate(self, node: ast.AST) -> None:
        if isinstance(node, ast.Compare):
            self.compare(node)
        elif isinstance(node, ast.BoolOp):
            swapped = ast.BoolOp(
                ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values
            )
            word = "or" if isinstance(node.op, ast.And) else "and"
            self.add_expr(node, "boolop", swapped, f"`{word}` swapped in")
        elif isinstance(node, ast.If):
            self.add_expr(node.test, "negate-if", ast.UnaryOp(ast.Not(), node.test), "if negated")
            if any(isinstance(statement, ast.Raise) for statement in node.body):
                self.add(node.test, "raise-guard", "False", "raise guard removed")
        elif isinstance(node, ast.IfExp):
            negated = ast.IfExp(ast.UnaryOp(ast.Not(), node.test), node.body, node.orelse)
            self.add_expr(node, "negate-if", negated, "conditional expression negated")
        elif isinstance(node, ast.Constant):
            self.constant(node)
        elif isinstance(node, ast.Tuple | ast.List):
            if isinstance(node.ctx, ast.Load):  # not an assignment target
                self.drop_elements(node)
        elif isinstance(node, ast.Set):
            self.drop_elements(node)
        elif isinstance(node, ast.Dict):
            self.dict_literal(node)
        elif isinstance(node, ast.Return):
            value = node.value
            if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
                self.add(value, "return-none", "None", "returns None")

    def compare(self, node: ast.Compare) -> None:
        for index, op in enumerate(node.ops):
            flipped = _COMPARE_FLIPS.get(type(op))
            if flipped is None:
                continue
            ops = [*node.ops[:index], flipped(), *node.ops[index + 1 :]]
            what = f"`{_COMPARE_TEXT[type(op)]}` → `{_COMPARE_TEXT[flipped]}`"
            self.add_expr(node, "compare", ast.Compare(node.left, ops, node.comparators), what)
        # Compared strings (states, codes): `state == "running"`, `code in ("A", "B")`.
        for operand in (node.left, *node.comparators):
            strings = operand.elts if isinstance(operand, ast.Tuple | ast.List | ast.Set) else []
            for candidate in (operand, *strings):
                if isinstance(candidate, ast.Constant) and isinstance(candidate.value, str):
                    self.string(candidate, "compared string")

    def constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            return
        self.add(node, "int", str(value + 1), "integer + 1")
        if value > 0:
            self.add(node, "int", str(value - 1), "integer - 1")

    def string(self, node: ast.Constant, what: str) -> None:
        assert isinstance(node.value, str)
        self.add(node, "string", repr("X" + node.value), what)

    def drop_elements(self, node: ast.Tuple | ast.List | ast.Set) -> None:
        kind = type(node).__name__.lower()
        for index in range(len(node.elts)):
            rest = [*node.elts[:index], *node.elts[index + 1 :]]
            mutated: ast.expr
            if isinstance(node, ast.Tuple):
                mutated = ast.Tuple(rest, ast.Load())
            elif isinstance(node, ast.List):
                mutated = ast.List(rest, ast.Load())
            else:
                mutated = ast.Set(rest) if rest else ast.Call(ast.Name("set", ast.Load()), [], [])
            element = _short(ast.unparse(node.elts[index]), 30)
            self.add_expr(node, "drop", mutated, f"{kind} element {index} (`{element}`) dropped")

    def dict_literal(self, node: ast.Dict) -> None:
        for index in range(len(node.keys)):
            keys = [*node.keys[:index], *node.keys[index + 1 :]]
            values = [*node.values[:index], *node.values[index + 1 :]]
            key = node.keys[index]
            shown = _short(ast.unparse(key), 30) if key is not None else "**"
            self.add_expr(node, "drop", ast.Dict(keys, values), f"dict entry `{shown}` dropped")
        for key, value in zip(node.keys, node.values, strict=True):
            if _is_str(value):
                assert isinstance(value, ast.Constant)
                self.string(value, "dict value")
            if _is_str(key) and _names_error_class(value):
                assert isinstance(key, ast.Constant)
                self.string(key, "error code")


def modules(root: Path) -> list[str]:
    """The package's modules under ``root``, as repository-relative paths, sorted."""
    found: list[str] = []
    for path in sorted((root / PACKAGE).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if not relative.startswith(EXCLUDED):
            found.append(relative)
    return found


def generate(root: Path, paths: Sequence[str]) -> list[Mutant]:
    """Every mutant of ``paths`` (relative to ``root``), in file then source order."""
    mutants: list[Mutant] = []
    for path in paths:
        source = (root / path).read_bytes()
        found = _Generator(path, source).run(ast.parse(source, filename=path))
        for mutant in found:  # a mutant that does not parse would be a bug here, not a kill
            ast.parse(mutant.apply(source), filename=path)
        mutants.extend(sorted(found, key=lambda m: (m.start, m.end, m.operator, m.replacement)))
    return mutants


def select_files(paths: Sequence[str], patterns: Sequence[str] | None) -> list[str]:
    """The paths matching any pattern: a glob, a path, or the end of one (``_tags.py``)."""
    if not patterns:
        return list(paths)
    return [
        path
        for path in paths
        if any(
            fnmatch.fnmatch(path, pattern) or path == pattern or path.endswith("/" + pattern)
            for pattern in patterns
        )
    ]


def matches_location(mutant: Mutant, location: str) -> bool:
    """``--only FILE:LINE``: FILE as in ``select_files``."""
    file, _, line = location.rpartition(":")
    if not file or not line.isdigit():
        raise SystemExit(f"--only wants FILE:LINE, not {location!r}")
    return mutant.line == int(line) and bool(select_files([mutant.path], [file]))


# --------------------------------------------------------------------------------------------
# Running


@dataclass
@dataclass
class Result:
    key: str
    path: str
    line: int
    operator: str
    replacement: str
    description: str
    status: Status
    seconds: float
    scope: Scope
    tests: int  # how many tests ran against it; -1: every test of ``TESTS``
    killed_by: str | None = None

    @property
    def killed(self) -> bool:
        return self.status != "survived"


def snapshot(destination: Path, rev: str | None) -> None:
    """Copy the repository's files (the working tree, or the commit ``rev``) to ``destination``."""
    destination.mkdir(parents=True)
    if rev is not None:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", rev], cwd=REPO, capture_output=True, check=True
        )
        with tempfile.TemporaryFile() as buffer:
            buffer.write(archive.stdout)
            buffer.seek(0)
            with tarfile.open(fileobj=buffer) as tar:
                tar.extractall(destination, filter="data")
        return
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    for name in sorted(set(listed.stdout.decode().split("\0")) - {""}):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet staged is still listed
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def environment(tree: Path) -> dict[str, str]:
    """The test run's environment: the copy's ``src`` first on the path, then its ``tests`` and
    ``scripts`` (for ``mutate_plugin``); no bytecode files (a mutant of the same size written in
    the same second would otherwise reuse a stale one)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(tree / name) for name in ("src", "tests", "scripts"))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for name in ("PYTEST_ADDOPTS", "COVERAGE_PROCESS_START", "COVERAGE_PROCESS_CONFIG"):
        env.pop(name, None)
    return env


_CHECK_IMPORTS = """
import importlib.metadata, json
import awsfacade
[plugin] = [e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "awsfacade"]
print(json.dumps([awsfacade.__file__, plugin.load().__file__]))
"""


def check_imports(tree: Path) -> None:
    """Fail unless ``awsfacade`` and its pytest plugin entry point load from ``tree``."""
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_IMPORTS],
        cwd=tree,
        env=environment(tree),
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = [Path(path).resolve() for path in json.loads(result.stdout)]
    outside = [str(path) for path in loaded if not path.is_relative_to(tree.resolve())]
    if outside:
        raise SystemExit(f"the copy in {tree} imports awsfacade from elsewhere: {outside}")


# --------------------------------------------------------------------------------------------
# Which tests can kill a mutant


def fingerprints(tree: Path) -> dict[str, str]:
    """For each test file of ``TESTS`` in the snapshot ``tree``, a digest of what its
    measurement depends on: itself and every file that is no test file (``src``, the helpers,
    ``conftest.py``, the docs…), this script left out. Its coverage is reused while the same."""
    shared = hashlib.sha256()
    tests: dict[str, bytes] = {}
    for path in sorted(tree.rglob("*")):
        name = path.relative_to(tree).as_posix()
        if not path.is_file() or name == "scripts/mutate.py":
            continue
        if name.startswith(tuple(f"{folder}/" for folder in TESTS)) and path.name.startswith(
            "test_"
        ):
            tests[name] = path.read_bytes()
        else:
            shared.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return {
        name: hashlib.sha256(shared.digest() + content).hexdigest()
        for name, content in tests.items()
    }


def _test_file(context: str) -> str:
    """``tests/unit/test_tags.py::test_x[a]`` → ``tests/unit/test_tags.py``."""
    return context.partition("::")[0]


def _package_path(measured: str) -> str | None:
    """``…/worker-0/src/awsfacade/_tags.py`` → ``src/awsfacade/_tags.py``."""
    measured = measured.replace(os.sep, "/")
    index = measured.rfind("/" + PACKAGE + "/")
    return measured[index + 1 :] if index >= 0 else None


class CoveringTests:
    """Which tests ran each line of the package: the baseline's coverage data, whose contexts
    are test node IDs (``""``: outside any test, such as imports at collection).

    ``runs`` maps each measurement's folder to the test files whose coverage is taken from it
    (a test file measured again later counts from its latest measurement only)."""

    def __init__(self, runs: Mapping[Path, set[str]]) -> None:
        self.files: dict[str, list[tuple[coverage.CoverageData, str, set[str]]]] = {}
        broken: set[str] = set()
        for run, test_files in runs.items():
            for data_file in sorted(run.glob(".coverage*")):
                data = coverage.CoverageData(basename=str(data_file))
                data.read()
                for measured in data.measured_files():
                    path = _package_path(measured)
                    if path is not None:
                        self.files.setdefault(path, []).append((data, measured, test_files))
            failing = run / "failing"
            if failing.is_file():
                broken.update(
                    t for t in failing.read_text().splitlines() if _test_file(t) in test_files
                )
        #: The tests that fail on the unmutated copy: never run against a mutant.
        self.broken = sorted(broken)
        self._by_line: dict[str, dict[int, set[str]]] = {}

    def by_line(self, path: str) -> dict[int, set[str]]:
        if path not in self._by_line:
            merged: dict[int, set[str]] = {}
            for data, measured, test_files in self.files.get(path, []):
                for line, contexts in data.contexts_by_lineno(measured).items():
                    merged.setdefault(line, set()).update(
                        c for c in contexts if not c or _test_file(c) in test_files
                    )
            self._by_line[path] = merged
        return self._by_line[path]

    def of_lines(self, path: str, lines: Iterable[int]) -> set[str]:
        by_line = self.by_line(path)
        found: set[str] = set()
        for line in lines:
            found |= by_line.get(line, set())
        return found


def _inner(statement: ast.stmt) -> list[ast.stmt]:
    """The statements directly inside a compound one."""
    inner: list[ast.stmt] = []
    for child in ast.iter_child_nodes(statement):
        if isinstance(child, ast.stmt):
            inner.append(child)
        elif isinstance(child, ast.ExceptHandler):
            inner.extend(child.body)
    return inner


def _statements(body: Sequence[ast.stmt], line: int) -> Iterator[ast.stmt]:
    """The statements holding ``line``, outermost first (decorators count as their def's)."""
    for statement in body:
        first = statement.lineno
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = min([first, *(decorator.lineno for decorator in statement.decorator_list)])
        if first <= line <= (statement.end_lineno or statement.lineno):
            yield statement
            yield from _statements(_inner(statement), line)
            return


def _bound_names(module: ast.Module, line: int) -> set[str]:
    """The names a statement run at import binds, when ``line`` is in it: its targets, its
    ``def`` or ``class``, and the classes around it."""
    names: set[str] = set()
    for statement in _statements(module.body, line):
        if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(statement.name)
            if not isinstance(statement, ast.ClassDef):
                break  # a default or a decorator: the function's locals are no import's
        elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
                if isinstance(target, ast.Attribute):
                    names.add(target.attr)
    return names


def _at_import(module: ast.Module, line: int) -> bool:
    """Whether ``line`` runs when its module is imported: in no function's body."""
    return not any(
        isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
        and statement.body[0].lineno <= line
        for statement in _statements(module.body, line)
    )


def _header_lines(module: ast.Module, mutant: Mutant) -> range:
    """The lines of the innermost statement holding the mutant (a compound one's header only):
    Python may attribute a constant to another line of its statement than its own."""
    statements = list(_statements(module.body, mutant.line))
    if not statements:
        return range(mutant.line, mutant.end_line + 1)
    statement = statements[-1]
    last = statement.end_lineno or statement.lineno
    inner = _inner(statement)
    if inner:
        last = inner[0].lineno - 1
    return range(statement.lineno, max(last, mutant.end_line) + 1)


class TestChooser:
    """The tests to run against a mutant: those whose coverage context holds its lines."""

    def __init__(self, root: Path, paths: Sequence[str], covering: CoveringTests) -> None:
        self.covering = covering
        self.modules = {path: ast.parse((root / path).read_bytes()) for path in paths}

    def choose(self, mutant: Mutant) -> tuple[Scope, list[str] | None]:
        """The scope (``covered``, ``import-time`` or ``uncovered``) and the node IDs, none
        that fails unmutated; ``None``: every test of ``TESTS``."""
        module = self.modules[mutant.path]
        contexts = self.covering.of_lines(mutant.path, range(mutant.line, mutant.end_line + 1))
        if not contexts:
            contexts = self.covering.of_lines(mutant.path, _header_lines(module, mutant))
        broken = {"", *self.covering.broken}
        if contexts and _at_import(module, mutant.line):
            # Module and class bodies, defaults, decorators: a test that imported the module
            # ran the line (not only "" at collection), but the tests that can notice are
            # those running code that uses what it defines.
            direct = sorted(contexts - broken)  # first: they ran the line itself
            users = sorted(self.users(_bound_names(module, mutant.line)) - broken - {*direct})
            return "import-time", [*direct, *users] if direct or users else None
        if contexts - {""}:
            return "covered", sorted(contexts - broken)
        return "uncovered", None

    def users(self, names: set[str]) -> set[str]:
        """The tests that run a line naming one of ``names`` (as a name or an attribute); a
        line run at import (a class attribute, another constant) adds the names its statement
        binds."""
        tests: set[str] = set()
        seen: set[str] = set()
        while names - seen:
            wanted = names - seen
            seen |= wanted
            for path, module in self.modules.items():
                for node in ast.walk(module):
                    if (isinstance(node, ast.Name) and node.id in wanted) or (
                        isinstance(node, ast.Attribute) and node.attr in wanted
                    ):
                        tests |= self.covering.of_lines(path, [node.lineno]) - {""}
                        if _at_import(module, node.lineno):
                            names |= _bound_names(module, node.lineno)
        return tests


# --------------------------------------------------------------------------------------------
# Running


#: The test runs under way, killed when the script is interrupted.
_RUNNING: set[subprocess.Popen[str]] = set()
_RUNNING_LOCK = threading.Lock()


def _kill(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)
_FAILED_IDS = re.compile(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", re.MULTILINE)
_NO_TESTS_RAN = 5  # pytest's exit code when every test was deselected


def run_tests(
    command: Sequence[str], tree: Path, env: dict[str, str], timeout: float | None
) -> tuple[Status, str | None, str]:
    """Run ``command`` in ``tree``: survived (passed), killed (failed) or timeout."""
    process = subprocess.Popen(
        command,
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, so a timeout kills its children too
    )
    with _RUNNING_LOCK:
        _RUNNING.add(process)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return "timeout", None, output
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(process)
    if process.returncode in (0, _NO_TESTS_RAN):  # none collected: none failed
        return "survived", None, output
    failed = _FAILED.search(output)
    return "killed", failed.group(1) if failed else f"exit {process.returncode}", output


class Workers:
    """``jobs`` copies of the snapshot, each used by one test run at a time."""

    def __init__(self, base: Path, template: Path, jobs: int) -> None:
        self.base = base
        self.free: queue.Queue[Path] = queue.Queue()
        for index in range(jobs):
            tree = base / f"worker-{index}"
            shutil.copytree(template, tree)
            check_imports(tree)
            self.free.put(tree)

    def measure(self, tests: str, rc_file: Path) -> tuple[str, Status, str]:
        """Run ``tests`` (a folder, or test files separated by spaces) on the unmutated copy
        under coverage, test by test, to the end (a test failing there is left out of the
        mutants' runs)."""
        tree = self.free.get()
        try:
            command = [
                *(sys.executable, "-m", "coverage", "run", f"--rcfile={rc_file}"),
                *("-m", "pytest"),
                *PYTEST,
                f"--basetemp={tree.with_suffix('.tmp')}",
                *tests.split(" "),
            ]
            env = environment(tree) | {"MUTATE_COVERAGE_RC": str(rc_file)}
            status, _, output = run_tests(command, tree, env, None)
            return tests, status, output
        finally:
            self.free.put(tree)

    def run(
        self,
        mutant: Mutant,
        scope: Scope,
        tests: Sequence[str] | None,
        broken: Sequence[str],
        timeout: float,
    ) -> Result:
        """Run ``tests`` (``None``: every folder of ``TESTS``, ``broken`` deselected)
        against ``mutant``; no test at all: it survives."""
        tree = self.free.get()
        try:
            target = (tree / mutant.path).resolve()
            if not target.is_relative_to(self.base.resolve()):  # never write outside the copies
                raise RuntimeError(f"refusing to write {target}")
            env = environment(tree)
            arguments = [*TESTS, *(f"--deselect={test}" for test in broken)]
            if tests is not None:
                selection = tree.with_suffix(".select")
                selection.write_text("".join(f"{test}\n" for test in tests))
                env["MUTATE_SELECT"] = str(selection)
                arguments = list(dict.fromkeys(_test_file(test) for test in tests))
            command = [
                *(sys.executable, "-m", "pytest", "-x", *PYTEST),
                f"--basetemp={tree.with_suffix('.tmp')}",
                *arguments,
            ]
            original = target.read_bytes()
            started = time.monotonic()
            try:
                target.write_bytes(mutant.apply(original))
                status: Status = "survived"
                killed_by: str | None = None
                if tests is None or tests:
                    status, killed_by, _ = run_tests(command, tree, env, timeout)
            finally:
                target.write_bytes(original)
            return Result(
                key=mutant.key,
                path=mutant.path,
                line=mutant.line,
                operator=mutant.operator,
                replacement=mutant.replacement,
                description=mutant.description,
                status=status,
                seconds=round(time.monotonic() - started, 1),
                scope=scope,
                tests=-1 if tests is None else len(tests),
                killed_by=killed_by,
            )
        finally:
            self.free.put(tree)


def measure_tests(workers: Workers, base: Path, runs: dict[str, Path], jobs: int) -> None:
    """Run each group of test files ``runs`` maps to a folder once on the unmutated copy,
    recording there which test runs which line, and the tests that fail there (in
    ``failing``); exit if pytest itself fails."""
    configurations: dict[str, Path] = {}
    for group, run in runs.items():
        configurations[group] = base / f"coverage-{run.name}.rc"
        configurations[group].write_text(COVERAGE_RC.format(data_file=run / ".coverage"))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        measured = [pool.submit(workers.measure, g, rc) for g, rc in configurations.items()]
        for future in as_completed(measured):
            group, status, output = future.result()
            failing = _FAILED_IDS.findall(output) if status == "killed" else []
            if status != "survived" and not failing:
                print(output[-5000:])
                raise SystemExit(f"{group} does not run on the unmutated copy ({status})")
            (runs[group] / "failing").write_text("".join(f"{t}\n" for t in failing))
            shown = _short(group, 70)
            if failing:
                print(f"  {shown}: {len(failing)} fail unmutated, left out: {failing}")
            else:
                print(f"  {shown}: pass", flush=True)


def covering_tests(
    workers: Workers, base: Path, template: Path, args: argparse.Namespace
) -> CoveringTests:
    """The baseline's coverage, kept test file by test file in ``--contexts``: the test files
    changed (or all, when ``src`` or a helper changed) are measured now, a folder of
    ``TESTS`` in one run."""
    data_dir: Path = args.contexts or base / "coverage"
    data_dir.mkdir(parents=True, exist_ok=True)
    digests = fingerprints(template)
    latest: dict[str, Path] = {}
    for run in sorted(data_dir.glob("run-*")):  # oldest first: a later run wins
        manifest = run / "manifest.json"
        if manifest.is_file():
            for name, digest in json.loads(manifest.read_text()).items():
                if digests.get(name) == digest:
                    latest[name] = run
    stale = sorted(set(digests) - set(latest))
    if latest:
        print(f"reused from {data_dir}: the coverage of {len(latest)} test files", flush=True)
    if stale:
        started = time.monotonic()
        runs: dict[str, Path] = {}
        for folder in TESTS:
            files = [name for name in stale if name.startswith(f"{folder}/")]
            if files:
                group = " ".join(files) if len(files) < 4 else folder
                run = data_dir / f"run-{time.time_ns()}-{folder.replace('/', '-')}"
                run.mkdir()
                (run / "manifest.json").write_text(
                    json.dumps({name: digests[name] for name in files}, indent=1)
                )
                runs[group] = run
        print(f"measuring which test runs which line ({len(stale)} test files):", flush=True)
        measure_tests(workers, base, runs, args.jobs)
        print(f"measured in {time.monotonic() - started:.0f} s", flush=True)
        for run in runs.values():
            for name in json.loads((run / "manifest.json").read_text()):
                latest[name] = run
    for run in data_dir.glob("run-*"):  # nothing counts from it any more
        if run not in latest.values():
            shutil.rmtree(run, ignore_errors=True)
    runs_files: dict[Path, set[str]] = {}
    for name, run in latest.items():
        runs_files.setdefault(run, set()).add(name)
    return CoveringTests(runs_files)


def diff(root: Path, mutant: Mutant) -> str:
    source = (root / mutant.path).read_bytes()
    before = source.decode().splitlines(keepends=True)
    after = mutant.apply(source).decode().splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, mutant.path, mutant.path, n=1))


# --------------------------------------------------------------------------------------------
# Command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Mutation testing of src/awsfacade, each mutant against the tests that run "
        "its line.",
    )
    parser.add_argument("--files", nargs="+", metavar="PATTERN", help="only these modules")
    parser.add_argument("--sample", type=int, metavar="N", help="N mutants drawn at random")
    parser.add_argument(
        "--per-package",
        type=int,
        metavar="N",
        help="N mutants drawn at random from each package (ec2, …, fanout; core: the top level)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the sample's seed (default 0)")
    parser.add_argument("--jobs", type=int, default=1, help="test runs in parallel")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds per mutant; a timeout kills it (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--only", nargs="+", metavar="FILE:LINE", help="only the mutants on these lines"
    )
    parser.add_argument(
        "--replay", type=Path, metavar="JSON", help="only the survivors of a --json report"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results here")
    parser.add_argument(
        "--contexts",
        type=Path,
        metavar="DIR",
        help="keep the tests' coverage here and reuse it while no file changes",
    )
    parser.add_argument("--rev", help="mutate this commit instead of the working tree")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--diff", action="store_true", help="print each survivor's diff")
    args = parser.parse_args(argv)
    if args.jobs < 1 or any(
        count is not None and count < 1 for count in (args.sample, args.per_package)
    ):
        parser.error("--jobs, --sample and --per-package must be positive")
    return args


def package(mutant: Mutant) -> str:
    """The mutant's package: ``ec2`` for ``src/awsfacade/ec2/_network.py``, ``core`` at the top."""
    parts = mutant.path.removeprefix(PACKAGE + "/").split("/")
    return parts[0] if len(parts) > 1 else "core"


def choose(mutants: list[Mutant], args: argparse.Namespace) -> list[Mutant]:
    """The mutants to run: ``--only``/``--replay`` filters, then ``--per-package``/``--sample``."""
    chosen = mutants
    if args.only:
        chosen = [m for m in chosen if any(matches_location(m, loc) for loc in args.only)]
    if args.replay:
        report = json.loads(Path(args.replay).read_text())
        wanted = {entry["key"] for entry in report["survivors"]}
        chosen = [m for m in chosen if m.key in wanted]
        missing = wanted - {m.key for m in chosen}
        for key in sorted(missing):
            print(f"not found in the current source (changed since?): {key}", file=sys.stderr)
    if args.per_package is not None:
        draw = random.Random(args.seed)
        by_package: dict[str, list[Mutant]] = {}
        for mutant in chosen:
            by_package.setdefault(package(mutant), []).append(mutant)
        chosen = [
            mutant
            for name in sorted(by_package)
            for mutant in draw.sample(
                by_package[name], min(args.per_package, len(by_package[name]))
            )
        ]
    elif args.sample is not None and args.sample < len(chosen):
        chosen = sorted(random.Random(args.seed).sample(chosen, args.sample))
    return sorted(chosen, key=lambda m: (m.path, m.start, m.end, m.operator, m.replacement))


def report(results: list[Result], seconds: float) -> tuple[str, list[Result]]:
    killed = sum(result.killed for result in results)
    total = len(results)
    survivors = sorted((r for r in results if not r.killed), key=lambda r: (r.path, r.line, r.key))
    timeouts = sum(result.status == "timeout" for result in results)
    percent = 100.0 * killed / total if total else 100.0
    summary = (
        f"killed {killed}/{total} ({percent:.1f}%), {timeouts} of them by timeout; "
        f"{len(survivors)} survived; {seconds / 60:.1f} min"
    )
    return summary, survivors


def iter_results(
    workers: Workers,
    chosen: Sequence[Mutant],
    chooser: TestChooser,
    jobs: int,
    timeout: float,
) -> Iterator[Result]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(
                workers.run, mutant, *chooser.choose(mutant), chooser.covering.broken, timeout
            )
            for mutant in chosen
        ]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:  # Ctrl-C: stop what runs, start nothing more
            for future in futures:
                future.cancel()
            with _RUNNING_LOCK:
                running = list(_RUNNING)
            for process in running:
                _kill(process)
            raise


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    base = Path(tempfile.mkdtemp(prefix="awsfacade-mutate-"))
    try:
        template = base / "snapshot"
        snapshot(template, args.rev)
        paths = select_files(modules(template), args.files)
        mutants = generate(template, paths)
        chosen = choose(mutants, args)
        print(f"{len(mutants)} mutants in {len(paths)} modules; running {len(chosen)}", flush=True)
        if args.list:
            for mutant in chosen:
                print(f"{mutant.location}: {mutant.description}")
            return 0
        if not chosen:
            return 0
        workers = Workers(base, template, args.jobs)
        covering = covering_tests(workers, base, template, args)
        chooser = TestChooser(template, modules(template), covering)

        results: list[Result] = []
        for result in iter_results(workers, chosen, chooser, args.jobs, args.timeout):
            results.append(result)
            detail = f" by {result.killed_by}" if result.killed_by else ""
            ran = f"{result.tests} tests" if result.tests >= 0 else "all tests"
            print(
                f"[{len(results)}/{len(chosen)}] {result.status:8} {result.path}:{result.line}: "
                f"{result.description} ({result.scope}, {ran}, {result.seconds:.0f} s){detail}",
                flush=True,
            )
        seconds = time.monotonic() - started
        summary, survivors = report(results, seconds)
        print()
        print(summary)
        if survivors:
            print("survivors:")
            by_key = {mutant.key: mutant for mutant in chosen}
            for survivor in survivors:
                print(f"  {survivor.path}:{survivor.line}: {survivor.description}")
                if args.diff:
                    print(diff(template, by_key[survivor.key]))
        if args.json:
            killed = sum(r.killed for r in results)
            args.json.write_text(
                json.dumps(
                    {
                        "command": ["pytest", "-x", *PYTEST, "<the tests covering the line>"],
                        "tests": list(TESTS),
                        "argv": sys.argv[1:] if argv is None else list(argv),
                        "mutants_in_source": len(mutants),
                        "total": len(results),
                        "killed": killed,
                        "percent_killed": round(100.0 * killed / len(results), 1),
                        "seconds": round(seconds),
                        "survivors": [asdict(r) for r in survivors],
                        "results": [asdict(r) for r in sorted(results, key=lambda r: r.key)],
                    },
                    indent=2,
                    ensure_ascii=False,
                )
                + "\n"
            )
        return 0 if not survivors else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
