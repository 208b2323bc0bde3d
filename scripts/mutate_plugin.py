"""The pytest plugin ``scripts/mutate.py`` loads (``-p mutate_plugin``) in its test runs.

- Under ``coverage run``, each test's lines (its setup, call and teardown, fixtures included)
  are recorded under a coverage context named after the test's node ID. Subprocesses are
  measured too: ``COVERAGE_PROCESS_START`` is set to the configuration ``MUTATE_COVERAGE_RC``
  names (for the children only: the ``coverage run`` process measures itself), and
  ``MUTATE_CONTEXT``, which that configuration reads as its context, holds the running test's
  node ID.
- With ``MUTATE_SELECT`` naming a file of node IDs (one a line), only those tests run; the
  others collected are deselected.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import coverage
import pytest

#: The environment variable the coverage configuration reads as its static context.
CONTEXT_VARIABLE = "MUTATE_CONTEXT"
#: The environment variable naming the file of node IDs to run.
SELECT_VARIABLE = "MUTATE_SELECT"
#: The environment variable naming the coverage configuration of measured subprocesses.
RC_VARIABLE = "MUTATE_COVERAGE_RC"


def pytest_configure() -> None:
    """Measure the subprocesses of a measured run."""
    configuration = os.environ.get(RC_VARIABLE)
    if configuration and coverage.Coverage.current() is not None:
        os.environ["COVERAGE_PROCESS_START"] = configuration


def _switch(context: str) -> None:
    measuring = coverage.Coverage.current()
    if measuring is not None:
        measuring.switch_context(context)
        os.environ[CONTEXT_VARIABLE] = context


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    """Record the test's lines, fixtures included, under its node ID."""
    _switch(item.nodeid)
    try:
        return (yield)
    finally:
        _switch("")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep only the tests ``MUTATE_SELECT`` names, when it names a file."""
    selected = os.environ.get(SELECT_VARIABLE)
    if not selected:
        return
    wanted = set(Path(selected).read_text().splitlines())
    kept = [item for item in items if item.nodeid in wanted]
    dropped = [item for item in items if item.nodeid not in wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
