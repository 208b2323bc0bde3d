"""An AWS Organization on moto in one call: the management account's session, N member
accounts whose role it can assume, and the regions to fan out to.

boto3, botocore, moto and ``awsfacade.fanout`` are imported on first use, not with this
module: the pytest plugin imports it at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

import attrs

from awsfacade._validate import check_int
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    import boto3.session

    from awsfacade.fanout import Target
    from awsfacade.testing._realism import Realism

__all__ = ["Organization", "mocked_organization", "organization_from_marker"]

#: ``awsfacade.fanout.DEFAULT_ROLE``, written out: importing ``awsfacade.fanout`` imports boto3,
#: which this module must not do at import (a test checks the two are equal).
_DEFAULT_ROLE: Final = "OrganizationAccountAccessRole"
#: CreateAccount's RoleName: 1 to 64 of these characters, no path.
_ROLE_NAME = re.compile(r"[\w+=,.@-]{1,64}")
#: moto draws every id (organization, root, accounts) from one random source: seeded with this
#: while the organization is made, the same accounts get the same ids in every run.
_SEED: Final = 20
#: The keywords of the aws_organization marker.
_MARKER_KEYWORDS: Final = frozenset({"accounts", "regions", "role_name"})
_MARKER_USE = (
    '@pytest.mark.aws_organization(accounts=3, regions=["us-east-1", "eu-west-1"], '
    'role_name="OrganizationAccountAccessRole"), each keyword optional'
)
#: The AssumeRole session name of `Organization.account_session`.
_SESSION_NAME: Final = "awsfacade-testing"
#: How long `Organization.account_session`'s credentials last (botocore refreshes them).
_DURATION: Final = 3600


@attrs.frozen(kw_only=True)
class _Plan:
    """The checked arguments of an organization."""

    accounts: int
    regions: tuple[str, ...]
    role_name: str


def check_plan(accounts: object, regions: object, role_name: object, home_region: str) -> _Plan:
    """The organization's arguments, checked before anything is sent.

    ``regions=None`` means the management session's region, ``home_region``; every region must
    be one botocore knows, in ``home_region``'s partition (an organization lives in one).
    """
    from awsfacade.fanout._targets import _regions, partition

    count = check_int(accounts, "accounts", minimum=1)
    home = partition(home_region, "the session's region")
    names = [home_region] if regions is None else _regions(regions)
    if not names:
        raise InvalidArgumentError("regions must name at least one region, not []")
    foreign = [name for name in names if partition(name) != home]
    if foreign:
        raise InvalidArgumentError(
            f"regions must all be in the {home!r} partition of the session's region "
            f"{home_region!r} (an organization lives in one partition), not {foreign!r}"
        )
    if not isinstance(role_name, str) or not _ROLE_NAME.fullmatch(role_name):
        raise InvalidArgumentError(
            f"role_name must be an IAM role name (1 to 64 letters, digits or +=,.@_-), "
            f"not {role_name!r}"
        )
    return _Plan(accounts=count, regions=tuple(names), role_name=role_name)


@attrs.frozen(kw_only=True)
class Organization:
    """An AWS Organization on moto: the management account's session, the member accounts,
    the role to assume in each and the regions to use.

    Made by the `aws_organization` fixture or
    [`mocked_organization()`][awsfacade.testing.mocked_organization]. Each member account was
    made by Organizations `CreateAccount`, which also made its role (trusting the management
    account), so [`fan_out`][awsfacade.fanout.fan_out] from `session`, over
    [`targets()`][awsfacade.testing.Organization.targets] or
    [`organization_targets(session)`][awsfacade.fanout.organization_targets], runs the work
    with each member account's own credentials: moto keeps every account's resources apart.
    """

    session: boto3.session.Session
    """The management account's session, answered by moto: the caller that assumes the
    roles (`fan_out(..., session=organization.session)`)."""
    management_account_id: str
    """The management account's id (`123456789012`, moto's default account)."""
    account_ids: tuple[str, ...]
    """The member accounts' 12-digit ids, in the order they were made (the management
    account is not among them). The same in every run of a test."""
    role_name: str
    """The IAM role made in every member account, the one to assume there."""
    regions: tuple[str, ...]
    """The regions to fan out to."""

    def targets(self) -> list[Target]:
        """Every (member account, region) pair, account by account, each assuming
        `role_name`: [`targets()`][awsfacade.fanout.targets] of this organization.

        Returns:
            The targets for [`fan_out`][awsfacade.fanout.fan_out].
        """
        from awsfacade.fanout import targets

        return targets(accounts=self.account_ids, regions=self.regions, role_name=self.role_name)

    def account_session(self, account_id: str) -> boto3.session.Session:
        """A session in a member account, its role assumed from `session`: to put resources
        there before the code under test runs.

        Like the sessions `fan_out` gives the work, it has no default region: pass one
        (`Ec2Service(session, region="eu-west-1")`).

        Args:
            account_id: One of `account_ids`.

        Returns:
            The account's session.

        Raises:
            InvalidArgumentError: `account_id` is not a member account of this organization.
        """
        from awsfacade.fanout._clients import STS
        from awsfacade.fanout._sessions import account_session, assumed
        from awsfacade.fanout._targets import partition

        if account_id not in self.account_ids:
            raise InvalidArgumentError(
                f"account_id must be one of the organization's member accounts "
                f"{list(self.account_ids)!r}, not {account_id!r}"
            )
        role = f"arn:{partition(self.regions[0])}:iam::{account_id}:role/{self.role_name}"
        sts = STS.get(self.session, region=None, endpoint_url=None, config=None)
        credentials = assumed(sts, role, _DURATION, _SESSION_NAME)
        return account_session(credentials)


def build_organization(session: boto3.session.Session, plan: _Plan) -> Organization:
    """Make the organization on ``session`` (moto's): CreateOrganization, then one
    CreateAccount per member, with moto's ids drawn from a fixed seed."""
    from moto.moto_api._internal import mock_random

    from awsfacade._convert import sent
    from awsfacade._translate import translate
    from awsfacade.fanout._clients import ORGANIZATIONS

    client = ORGANIZATIONS.get(session, region=None, endpoint_url=None, config=None)
    # Seeded, then seeded again from its own next draw: what the test draws later is as
    # random (or as seeded) as it would have been.
    resume = mock_random.getrandbits(64)
    mock_random.seed(_SEED)
    try:
        with translate():
            made = client.create_organization(FeatureSet="ALL")
            organization = sent(made.get("Organization"), "Organization", "CreateOrganization")
            management = sent(
                organization.get("MasterAccountId"), "MasterAccountId", "CreateOrganization"
            )
            members: list[str] = []
            for number in range(1, plan.accounts + 1):
                answer = client.create_account(
                    Email=f"member-{number}@example.com",
                    AccountName=f"member-{number}",
                    RoleName=plan.role_name,
                )
                status = sent(
                    answer.get("CreateAccountStatus"), "CreateAccountStatus", "CreateAccount"
                )
                members.append(sent(status.get("AccountId"), "AccountId", "CreateAccount"))
    finally:
        mock_random.seed(resume)
    return Organization(
        session=session,
        management_account_id=management,
        account_ids=tuple(members),
        role_name=plan.role_name,
        regions=plan.regions,
    )


@contextmanager
def mocked_organization(
    *,
    accounts: int = 3,
    regions: Iterable[str] | None = None,
    role_name: str = _DEFAULT_ROLE,
    region: str = "us-east-1",
    realism: Realism | None = None,
) -> Generator[Organization, None, None]:
    """An AWS Organization on moto, for use outside pytest: what the `aws_organization`
    fixture gives, in a `with` block.

    ```python
    with mocked_organization(accounts=2, regions=["us-east-1", "eu-west-1"]) as organization:
        for outcome in fan_out(organization.targets(), work, session=organization.session):
            ...
    ```

    Inside the block the environment and moto's mock are
    [`mocked_session(region, realism=realism)`][awsfacade.testing.mocked_session]'s, and that
    session is the organization's management account.

    Args:
        accounts: How many member accounts to make (at least 1).
        regions: The regions to fan out to, all in `region`'s partition; `None`: `region`.
        role_name: The IAM role made in every member account (CreateAccount's `RoleName`).
        region: The management session's region.
        realism: AWS's behaviours on the management session (see
            [`Realism`][awsfacade.testing.Realism]).

    Yields:
        The [Organization][awsfacade.testing.Organization], for the `with` block.

    Raises:
        InvalidArgumentError: `accounts` is not an int of at least 1, a region is not one
            botocore knows or is in another partition, `regions` is empty or a lone string,
            or `role_name` is not a role name; raised before moto starts.
    """
    from awsfacade.testing._session import fake_environment, moto_session

    plan = check_plan(accounts, regions, role_name, region)
    with fake_environment(region), moto_session(region, realism) as session:
        yield build_organization(session, plan)


def organization_from_marker(
    session: boto3.session.Session,
    region: str,
    args: tuple[object, ...],
    keywords: Mapping[str, object],
) -> Organization:
    """The ``aws_organization`` fixture's organization, as its marker's ``args`` and
    ``keywords`` ask (none without a marker), on the test's mocked session: a malformed marker
    is a ``pytest.UsageError``, a wrong value an ``InvalidArgumentError``."""
    import pytest

    if args or not keywords.keys() <= _MARKER_KEYWORDS:
        raise pytest.UsageError(f"use {_MARKER_USE}")
    plan = check_plan(
        keywords.get("accounts", 3),
        keywords.get("regions"),
        keywords.get("role_name", _DEFAULT_ROLE),
        region,
    )
    return build_organization(session, plan)
