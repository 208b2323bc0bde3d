"""The errors page's tables of AWS error codes are what the code classifies with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "error_codes.py"


def test_the_error_codes_page_matches_the_translation_tables() -> None:
    # docs/includes/error-codes.md is rendered from awsfacade/_translate.py and the services'
    # codes: a code added or moved there without `python scripts/error_codes.py` fails here.
    checked = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
