"""The fixtures of the fan-out tests (the helpers are in ``fanout_support``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from fanout_support import Organization, make_organization

if TYPE_CHECKING:
    import boto3.session


@pytest.fixture
def organization(aws_session: boto3.session.Session) -> Organization:
    """Five member accounts with instances in three regions each."""
    return make_organization(aws_session)
