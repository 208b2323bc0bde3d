"""Fixtures shared by the service tests: a request log, and a Stubber-driven service."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from botocore.config import Config
from botocore.stub import Stubber
from support import Requests

from awsfacade.ec2 import Ec2Service

if TYPE_CHECKING:
    from boto3.session import Session


@pytest.fixture
def requests_sent(ec2_service: Ec2Service) -> Requests:
    """Every request ``ec2_service`` sends from now on."""
    log = Requests()
    ec2_service.client.meta.events.register("before-call.ec2", log)
    return log


@pytest.fixture
def service(aws_session: Session) -> Ec2Service:
    """An Ec2Service whose client makes one attempt a request (no retries)."""
    return Ec2Service(aws_session, config=Config(retries={"max_attempts": 1, "mode": "standard"}))


@pytest.fixture
def stubber(service: Ec2Service) -> Iterator[Stubber]:
    """A Stubber on the service's client; every queued answer must be used by the test."""
    with Stubber(service.client) as stub:
        yield stub
        stub.assert_no_pending_responses()
