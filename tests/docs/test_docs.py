"""Every Python code block of README.md and the docs/ pages runs on moto (and type-checks
strictly: ``check_types.py``, a step of ``.ci/run``).

The docs are code that users copy, so they are tested like code. Sybil finds the blocks and the
directives and runs the blocks; this module adds the prelude and runs the test blocks under
pytest. The conventions (docs/contributing/development.md says them for writers):

- A page is README.md or a ``docs/**/*.md`` file outside ``docs/includes/`` (snippets, tested
  where they are included). A ``--8<--`` line includes text at build time; it is not a block.
- Every fenced block whose language is ``python`` (or ``py``, ``python3``) counts, also one
  indented inside a list item (it is dedented). Its fence gives the language only: Sybil would
  not see a ``python title="…"`` block, so that is an error.
- A block that defines a test (a top-level ``def test_*`` or ``class Test*``) is a test module:
  pytest runs it in a folder of its own with the installed plugin, and it must pass.
- Any other block is a script. The scripts of a page run in order in one namespace, inside a
  hidden prelude: ``awsfacade.testing.mocked_session()`` binds ``session`` (it stands for the
  user's ``boto3.Session``), and an AWS config and credentials file define a profile ``dev``,
  so ``boto3.Session(profile_name="dev")`` works too. Every request goes to moto.
- ``<!-- skip: next -->`` (Sybil's skip directive) on the line before a fence: the block is
  type-checked but not run (for code that only makes sense against real AWS); later blocks
  must not depend on it. Any other one-line ``<!-- name: … -->`` comment is an error, so that a
  typo does not silently run or skip a block.
- All blocks are type-checked with ``mypy --strict`` and basedpyright's strict mode by
  ``check_types.py``, once per CI run rather than inside pytest (see there).
"""

from __future__ import annotations

import ast
import os
import re
import sys
import traceback
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from unittest import SkipTest

import attrs
import pytest
from sybil import Document, Example, Lexeme
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import CodeBlockParser, SkipParser

from awsfacade.testing import mocked_session

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    ROOT / "README.md",
    *sorted(
        page
        for page in (ROOT / "docs").rglob("*.md")
        if not page.is_relative_to(ROOT / "docs" / "includes")
    ),
]

#: The fence languages taken as Python (those ruff's Markdown formatter formats as Python).
PYTHON_LANGUAGES = ("python", "py", "python3")
#: The directives a one-line HTML comment may give: the names Sybil's parsers below read.
DIRECTIVES = frozenset({"skip"})
_DIRECTIVE = re.compile(r"^[ \t]*<!--+\s*(?P<name>[\w-]+):.*-->[ \t]*$", re.MULTILINE)
_DECORATED_FENCE = re.compile(
    rf"^[ \t]*(?:[-*+][ \t]+)?(?:`{{3,}}|~{{3,}})[ \t]*(?:{'|'.join(PYTHON_LANGUAGES)})[ \t]+\S",
    re.MULTILINE,
)
#: The region of the prelude's mocked session.
PRELUDE_REGION = "us-east-1"


def _name(page: Path) -> str:
    """The page as reports name it: its path from the repository's root."""
    return page.relative_to(ROOT).as_posix()


def slug(page: Path) -> str:
    """The page as a Python identifier, for module names."""
    return re.sub(r"[^a-z0-9]+", "_", _name(page).removesuffix(".md").lower())


@attrs.frozen
class Block:
    """One Python block: its code and the page line of its first line."""

    page: Path
    line: int
    code: str

    @classmethod
    def of(cls, example: Example) -> Block | None:
        """The block Sybil found, or None for an example that is no code (a directive)."""
        if not isinstance(example.parsed, Lexeme):
            return None
        first = example.line + example.parsed.line_offset + 1  # past the fence
        return cls(Path(example.path), first, str(example.parsed))

    def where(self, offset: int = 0) -> str:
        """``page:line`` of the block's line ``offset`` (0 for the first)."""
        return f"{_name(self.page)}:{self.line + offset}"

    @property
    def tests(self) -> int | None:
        """How many tests the block defines, each of which must pass: its top-level ``test*``
        functions and the ``test*`` methods of its ``Test*`` classes. None for a script (a
        block with neither a ``test*`` function nor a ``Test*`` class)."""
        try:
            body = ast.parse(self.code).body
        except SyntaxError:
            return None  # run as a script, which reports the error
        classes = [node for node in body if isinstance(node, ast.ClassDef)]
        classes = [node for node in classes if node.name.startswith("Test")]
        tests = [
            node
            for node in [*body, *(method for cls in classes for method in cls.body)]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test")
        ]
        return len(tests) if tests or classes else None


def parse(page: Path, evaluator: PageEvaluator | None = None) -> Document:
    """The page's blocks and skip directives, in page order, as Sybil finds them."""
    code = [
        CodeBlockParser(language, evaluator or PageEvaluator()) for language in PYTHON_LANGUAGES
    ]
    return Document.parse(str(page), *code, SkipParser())


def blocks(page: Path) -> list[Block]:
    """The page's Python blocks, in order."""
    return [block for example in parse(page) if (block := Block.of(example)) is not None]


# -- running -----------------------------------------------------------------------------------


class PageEvaluator:
    """Runs a page's scripts where Sybil finds them, and sets its test blocks aside for pytest
    (they run outside the prelude: the plugin's fixtures start moto themselves)."""

    def __init__(self) -> None:
        self.test_blocks: list[Block] = []
        self.run_script = PythonEvaluator()

    def __call__(self, example: Example) -> None:
        block = Block.of(example)
        if block is not None and block.tests is not None:
            self.test_blocks.append(block)
        else:
            self.run_script(example)


@contextmanager
def prelude(page: Path, folder: Path) -> Generator[ModuleType, None, None]:
    """The hidden prelude: a module namespace with ``session`` bound to a mocked session, and
    a profile ``dev`` in AWS config and credentials files, all restored afterwards."""
    config = folder / "aws-config"
    config.write_text(f"[profile dev]\nregion = {PRELUDE_REGION}\n", encoding="utf-8")
    credentials = folder / "aws-credentials"
    credentials.write_text(
        "[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n", encoding="utf-8"
    )
    # mocked_session() restores the whole environment on exit, these two variables included.
    with mocked_session(PRELUDE_REGION) as session:
        os.environ["AWS_CONFIG_FILE"] = str(config)
        os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(credentials)
        module = ModuleType(f"docs_{slug(page)}")
        module.__file__ = str(page)
        module.__dict__["session"] = session
        # Registered while the blocks run, so that dataclasses, attrs and typing can find it.
        sys.modules[module.__name__] = module
        try:
            yield module
        finally:
            del sys.modules[module.__name__]


def check_markup(page: Path) -> None:
    """Fail on markup that would leave a block silently untested: a one-line ``<!-- name: … -->``
    comment whose name no parser reads, or a Python fence with more than its language (Sybil
    takes ```` ```python title="x" ```` for another language)."""
    text = page.read_text(encoding="utf-8")
    for match in _DIRECTIVE.finditer(text):
        if match["name"] not in DIRECTIVES:
            line = text.count("\n", 0, match.start()) + 1
            pytest.fail(f"{_name(page)}:{line}: unknown directive {match['name']}:", pytrace=False)
    for match in _DECORATED_FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        pytest.fail(f"{_name(page)}:{line}: a Python fence takes its language only", pytrace=False)


def evaluate(example: Example) -> str | None:
    """Evaluate one example: what went wrong, as a plain traceback from the page's line on, or
    None. (pytest's own traceback would print the module-level "function" the failing line is
    in: the page from line 1.)"""
    try:
        example.evaluate()
    except SkipTest:
        return None  # `<!-- skip: next "why" -->`
    except Exception as error:  # any failure of the block is the test's failure
        from_page = error.__traceback__
        while from_page is not None and from_page.tb_frame.f_code.co_filename != example.path:
            from_page = from_page.tb_next
        report = "".join(traceback.format_exception(type(error), error, from_page))
        return f"{_name(Path(example.path))}:{example.line}: block fails\n{report}"
    return None


def run_test_block(block: Block, pytester: pytest.Pytester) -> None:
    """Run a test block as a test module of its own, with the installed plugin's fixtures only.

    The module is padded with blank lines, so that its line numbers are the page's.
    """
    module = pytester.path / f"test_{slug(block.page)}_line{block.line}.py"
    module.write_text("\n" * (block.line - 1) + block.code, encoding="utf-8")
    result = pytester.runpytest(module, "-p", "no:cacheprovider", "--strict-markers")
    outcomes = result.parseoutcomes()
    if (
        result.ret != pytest.ExitCode.OK
        or not set(outcomes) <= {"passed", "warnings"}
        or outcomes.get("passed", 0) < (block.tests or 0)
    ):
        report = "\n".join(result.outlines)
        pytest.fail(f"{block.where()}: test block fails\n{report}", pytrace=False)


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_page_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The page's scripts run in order, on moto, in one namespace; its test blocks pass."""
    check_markup(page)
    evaluator = PageEvaluator()
    document = parse(page, evaluator)
    monkeypatch.chdir(tmp_path)
    with prelude(page, tmp_path) as module:
        document.namespace = module.__dict__
        for example in document:
            failure = evaluate(example)
            if failure is not None:
                pytest.fail(failure, pytrace=False)
    if evaluator.test_blocks:  # pytester only when needed: it unloads the modules tests import
        pytester: pytest.Pytester = request.getfixturevalue("pytester")
        for block in evaluator.test_blocks:
            run_test_block(block, pytester)
