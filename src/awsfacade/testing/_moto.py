"""moto's in-process mock, restarted for every test without rebuilding what never changes.

Imported by ``awsfacade.testing.mocked_session`` on first use, never at start-up.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from moto import mock_aws, settings
from moto.core.base_backend import BackendDict, BaseBackend, backend_lock
from moto.core.model_instances import reset_model_data
from moto.core.models import MockAWS, botocore_stubber, responses_mock

if TYPE_CHECKING:
    from moto.core.config import DefaultConfig

__all__ = ["new_mock"]


class _FreshStateMock(MockAWS):
    """``mock_aws()`` whose ``start(reset=True)`` and ``stop(remove_data=True)`` drop every
    backend's state (``_drop_state``), but keep the URL patterns moto registers with
    ``responses`` (1 288 of them, for calls made with the requests library) instead of building
    them again for each test: they never change.

    They are built as moto builds them whenever the registry is empty: the first time, and after
    any ``mock_aws()`` of a test's own has reset it.
    """

    def _enable_patching(self, reset: bool = True) -> None:
        if not (reset and responses_mock.registered()):
            super()._enable_patching(reset=reset)
            return
        botocore_stubber.enabled = True
        _drop_state()
        responses_mock.calls.reset()
        responses_mock.start()

    def _disable_patching(self, remove_data: bool) -> None:
        botocore_stubber.enabled = False
        if remove_data:
            _drop_state()
        responses_mock.stop()


def _drop_state() -> None:
    """Let go of every backend moto holds, and of the model objects it tracks.

    moto's own reset (``BackendDict.reset()``) builds every backend a test touched again before
    dropping it: a new EC2 region backend makes ~1 450 AMIs, each with a snapshot and a volume.
    Those rebuilt backends stay alive too, in the ``lru_cache`` of
    ``AccountSpecificBackend._generate_regions`` (keyed by the account's backend dictionary, up to
    128 of them). Here only a backend whose class releases something in its ``reset`` (S3 closes
    its keys' files) is reset; the account dictionaries are emptied, so nothing else is rebuilt
    and the cache keeps empty dictionaries only. moto 5.2 also caches
    ``Subnet._base_avail_ip_iterator`` per subnet with ``functools.cache``, forever: a subnet an
    instance was launched in keeps its EC2 backend, and every object of it, alive to the end of
    the process; that cache is cleared.
    """
    with backend_lock:
        # moto's registry of every BackendDict, read as moto's own reset reads it: a class
        # attribute typed with the class's type variable, which both checkers call ambiguous.
        registry: list[BackendDict[BaseBackend]] = BackendDict._instances  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]
        for service in registry:
            for account in service.values():
                for backend in account.values():
                    if type(backend).reset is not BaseBackend.reset:
                        backend.reset()  # it releases something first: S3's files, Batch's jobs
                account.clear()
            service.clear()
        registry.clear()
    reset_model_data()
    if "moto.ec2.models.subnets" in sys.modules:  # else no subnet was ever made
        from moto.ec2.models.subnets import Subnet

        # type: ignore: Subnet has an untyped base class (moto's CloudFormationModel), which
        # makes the class an expression "containing Any" to mypy.
        Subnet._base_avail_ip_iterator.cache_clear()  # type: ignore[misc]


def new_mock() -> MockAWS:
    """A mock for one test: moto's own in server or proxy mode, else ``_FreshStateMock``.

    ``mock_credentials`` is off: moto would otherwise overwrite our fake credentials.
    """
    config: DefaultConfig = {"core": {"mock_credentials": False}}
    if settings.TEST_SERVER_MODE or settings.is_test_proxy_mode():
        return mock_aws(config=config)
    return _FreshStateMock(config)
