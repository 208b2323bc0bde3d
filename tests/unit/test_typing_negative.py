"""Misuses of the API fail type checking: mypy and basedpyright flag every marked line.

Each file in ``tests/typing/negative/`` marks the lines that must not type-check with
``# expect: CODE`` (mypy's error code). The folder is excluded from the project's normal
mypy and basedpyright runs; here each checker runs once over all the files.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEGATIVE = ROOT / "tests" / "typing" / "negative"
FILES = sorted(NEGATIVE.glob("*.py"))
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$")
MYPY_ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")

# Per file: line number → the mypy error codes expected there.
Expected = dict[int, set[str]]
# Per file name: line number → the codes (mypy) or rules (basedpyright) reported there.
Reported = dict[str, dict[int, set[str]]]


def expected_errors(path: Path) -> Expected:
    """The ``# expect: CODE[, CODE]`` markers of a negative file, by line number."""
    expected: Expected = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            expected[number] = {code.strip() for code in match["codes"].split(",")}
    return expected


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a checker from the repository root; it exits non-zero because errors are expected."""
    return subprocess.run(
        command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> Reported:
    """mypy's errors over every negative file, with the project's mypy.ini (strict)."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    result = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "mypy.ini"),
            "--cache-dir",
            str(cache),
            "--no-pretty",
            "--no-error-summary",
            "--hide-error-context",
            *(str(path.relative_to(ROOT)) for path in FILES),
        ]
    )
    assert result.returncode == 1, result.stdout + result.stderr
    reported: Reported = defaultdict(lambda: defaultdict(set))
    for line in result.stdout.splitlines():
        match = MYPY_ERROR.match(line)
        if match:
            reported[Path(match["path"]).name][int(match["line"])].add(match["code"])
    return reported


@pytest.fixture(scope="module")
def pyright_errors(tmp_path_factory: pytest.TempPathFactory) -> Reported:
    """basedpyright's errors over every negative file, with the project's settings.

    The project's configuration excludes the negative folder, and basedpyright skips excluded
    files even when named on the command line, so it runs with a copy of the settings
    without ``include``/``exclude``.
    """
    settings: dict[str, object] = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"][
        "basedpyright"
    ]
    settings = {key: value for key, value in settings.items() if key not in {"include", "exclude"}}
    settings["stubPath"] = str(ROOT / "stubs")
    config = tmp_path_factory.mktemp("pyright") / "pyrightconfig.json"
    config.write_text(json.dumps(settings))
    executable = Path(sys.executable).parent / "basedpyright"
    result = run(
        [
            str(executable),
            "--project",
            str(config),
            "--pythonpath",
            sys.executable,
            "--outputjson",
            *(str(path) for path in FILES),
        ]
    )
    output = json.loads(result.stdout)
    assert output["summary"]["filesAnalyzed"] == len(FILES), result.stdout
    reported: Reported = defaultdict(lambda: defaultdict(set))
    for diagnostic in output["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = int(diagnostic["range"]["start"]["line"]) + 1
            reported[Path(diagnostic["file"]).name][line].add(str(diagnostic.get("rule", "")))
    return reported


def test_there_are_negative_files() -> None:
    """The negative folder holds the four misuse files, each with marked lines."""
    assert {path.name for path in FILES} >= {
        "negative_frozen.py",
        "negative_required.py",
        "negative_state.py",
        "negative_tags.py",
    }
    for path in FILES:
        assert expected_errors(path), f"{path.name} marks no line with # expect: CODE"


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_mypy_reports_the_expected_codes_on_the_marked_lines(
    path: Path, mypy_errors: Reported
) -> None:
    """mypy reports exactly the marked error codes on the marked lines and nothing elsewhere."""
    reported = {line: codes for line, codes in mypy_errors[path.name].items() if codes}
    assert reported == expected_errors(path)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_basedpyright_reports_errors_on_the_marked_lines(
    path: Path, pyright_errors: Reported
) -> None:
    """basedpyright reports an error on every marked line and on no other line."""
    reported = {line for line, rules in pyright_errors[path.name].items() if rules}
    assert reported == set(expected_errors(path))
