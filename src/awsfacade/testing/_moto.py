"""moto's in-process mock, restarted for every test without rebuilding what never changes.

Imported by ``awsfacade.testing.mocked_session`` on first use, never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from moto import mock_aws, settings
from moto.core.base_backend import BackendDict
from moto.core.model_instances import reset_model_data
from moto.core.models import MockAWS, botocore_stubber, responses_mock

if TYPE_CHECKING:
    from moto.core.config import DefaultConfig

__all__ = ["new_mock"]


class _FreshStateMock(MockAWS):
    """``mock_aws()`` whose ``start(reset=True)`` wipes every backend's state as moto's does,
    but keeps the URL patterns moto registers with ``responses`` (1 288 of them, for calls made
    with the requests library) instead of building them again for each test: they never change.

    They are built as moto builds them whenever the registry is empty: the first time, and after
    any ``mock_aws()`` of a test's own has reset it.

    moto also keeps every model object it makes (about 8 000 for a test that touches EC2) in a
    list per class, for its dashboard, until a mock stops with ``remove_data=True``; the
    fixtures stop theirs without it (the next start resets), so the start empties those lists,
    or every test's objects would stay alive to the end of the run.
    """

    def _enable_patching(self, reset: bool = True) -> None:
        if not (reset and responses_mock.registered()):
            super()._enable_patching(reset=reset)
            return
        botocore_stubber.enabled = True
        BackendDict.reset()
        reset_model_data()
        responses_mock.calls.reset()
        responses_mock.start()


def new_mock() -> MockAWS:
    """A mock for one test: moto's own in server or proxy mode, else ``_FreshStateMock``.

    ``mock_credentials`` is off: moto would otherwise overwrite our fake credentials.
    """
    config: DefaultConfig = {"core": {"mock_credentials": False}}
    if settings.TEST_SERVER_MODE or settings.is_test_proxy_mode():
        return mock_aws(config=config)
    return _FreshStateMock(config)
