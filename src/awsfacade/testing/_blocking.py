"""The no-real-AWS guard's part in pytest: a request it blocked fails the test phase that made it,
even if the test caught the error.

``awsfacade.testing.plugin`` registers this module as a plugin only for a run with the guard
on (``--awsfacade-block-aws`` or ``awsfacade_block_aws = true``); other runs never import it.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager

import pytest

from awsfacade.testing import _guard

__all__ = ["pytest_runtest_call", "pytest_runtest_setup", "pytest_runtest_teardown"]


@contextmanager
def _failing_on_blocked_requests() -> Generator[None, None, None]:
    """Fail the test phase inside if the guard blocked a request during it, caught or not."""
    mark = _guard.blocked_count()
    try:
        yield
    except _guard.RealAwsRequestError:
        _guard.take_blocked(mark)
        raise  # the test's own failure already says it
    except Exception as error:
        blocked = _guard.take_blocked(mark)
        if blocked:
            message = f"{_message(blocked)}\n(then: {type(error).__name__}: {error})"
            raise pytest.fail.Exception(message, pytrace=False) from error
        raise
    blocked = _guard.take_blocked(mark)
    if blocked:
        pytest.fail(_message(blocked), pytrace=False)


def _message(blocked: list[_guard.RealAwsRequestError]) -> str:
    return "\n".join(str(error) for error in blocked)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    """Fixtures' requests blocked by the guard fail the test's setup."""
    del item
    with _failing_on_blocked_requests():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """The test's requests blocked by the guard fail it, even when it caught the error."""
    del item
    with _failing_on_blocked_requests():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """Requests blocked during teardown fail the test's teardown."""
    del item
    with _failing_on_blocked_requests():
        return (yield)
