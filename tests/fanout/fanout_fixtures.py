"""The fixture ``organization`` of the fan-out tests, loaded as a plugin by the test modules
that use it (``pytest_plugins``): the test tree has one ``conftest.py``, since mypy reads every
one as the module ``conftest``. Test modules import the helpers from ``fanout_support``; this
module is imported only by pytest, so that it can rewrite its asserts."""

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
