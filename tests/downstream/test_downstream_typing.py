"""A downstream project type-checks cleanly against the installed package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).with_name("sample_app.py")
BIN = Path(sys.executable).parent


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, VIRTUAL_ENV=sys.prefix, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def downstream(tmp_path: Path) -> Path:
    """A project folder holding only the sample module and a strict checker config."""
    shutil.copy(SAMPLE, tmp_path / "app.py")
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\n")
    (tmp_path / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}\n')
    return tmp_path


def test_mypy_strict_is_clean(downstream: Path) -> None:
    """mypy --strict accepts code using the facade, with no stubs beyond the package's own."""
    result = _run([sys.executable, "-m", "mypy", "app.py"], downstream)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyright_strict_is_clean(downstream: Path) -> None:
    """basedpyright in strict mode accepts the same code."""
    result = _run([str(BIN / "basedpyright"), "app.py"], downstream)
    assert result.returncode == 0, result.stdout + result.stderr
