"""Targets: built from lists of accounts and regions, or from an organization's accounts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from botocore.stub import Stubber
from support import log_session_requests

from awsfacade.errors import (
    AccessDeniedError,
    InvalidArgumentError,
    NotFoundError,
    UnexpectedResponseError,
)
from awsfacade.fanout import DEFAULT_ROLE, Target, organization_targets, targets
from awsfacade.fanout._clients import ORGANIZATIONS

if TYPE_CHECKING:
    import boto3.session
    from fanout_support import Organization
    from mypy_boto3_organizations.client import OrganizationsClient

#: The fixture ``organization``.
pytest_plugins = ("fanout_fixtures",)

ACCOUNT = "111122223333"
OTHER = "444455556666"


def test_targets_are_every_account_and_region_account_by_account() -> None:
    """Each account's regions follow each other, with the role's ARN in the account."""
    made = targets(accounts=[ACCOUNT, OTHER], regions=["us-east-1", "eu-west-1"])
    assert [(t.account_id, t.region) for t in made] == [
        (ACCOUNT, "us-east-1"),
        (ACCOUNT, "eu-west-1"),
        (OTHER, "us-east-1"),
        (OTHER, "eu-west-1"),
    ]
    assert made[0].role_arn == f"arn:aws:iam::{ACCOUNT}:role/{DEFAULT_ROLE}"


def test_duplicates_are_dropped() -> None:
    """An account or region named twice gives its targets once."""
    made = targets(accounts=[ACCOUNT, ACCOUNT], regions=["us-east-1", "us-east-1"])
    assert made == [
        Target(account_id=ACCOUNT, region="us-east-1", role_arn=made[0].role_arn),
    ]


@pytest.mark.parametrize(
    ("region", "arn_partition"),
    [("cn-north-1", "aws-cn"), ("us-gov-west-1", "aws-us-gov"), ("eu-central-1", "aws")],
)
def test_role_arns_follow_the_regions_partition(region: str, arn_partition: str) -> None:
    """A China or GovCloud region gets an arn:aws-cn: or arn:aws-us-gov: role ARN."""
    (target,) = targets(accounts=[ACCOUNT], regions=[region], role_name="audit/Reader")
    assert target.role_arn == f"arn:{arn_partition}:iam::{ACCOUNT}:role/audit/Reader"


def test_no_role_means_the_callers_credentials() -> None:
    """role_name=None gives targets without a role ARN."""
    (target,) = targets(accounts=[ACCOUNT], regions=["us-east-1"], role_name=None)
    assert target.role_arn is None
    assert str(target) == f"{ACCOUNT}/us-east-1"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"accounts": ACCOUNT}, "accounts"),
        ({"accounts": ["12345"]}, "accounts"),
        ({"accounts": [123456789012]}, "accounts"),
        ({"accounts": None}, "accounts"),
        ({"regions": "us-east-1"}, "regions"),
        ({"regions": [""]}, "regions"),
        ({"regions": ["moon-central-1"]}, "moon-central-1"),
        ({"role_name": ""}, "role_name"),
        ({"role_name": "a role"}, "role_name"),
        ({"role_name": 5}, "role_name"),
    ],
)
def test_targets_checks_its_arguments(arguments: dict[str, object], named: str) -> None:
    """A lone string, a malformed account id, an unknown region or a bad role name is refused."""
    call: dict[str, object] = {"accounts": [ACCOUNT], "regions": ["us-east-1"], **arguments}
    with pytest.raises(InvalidArgumentError, match=named):
        targets(**call)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"account_id": "1234"}, "account_id"),
        ({"region": ""}, "region"),
        ({"role_arn": "OrganizationAccountAccessRole"}, "role_arn"),
    ],
)
def test_a_target_you_build_is_checked(fields: dict[str, str], named: str) -> None:
    """Target checks its account id, region and role ARN when a user builds it."""
    values = {"account_id": ACCOUNT, "region": "us-east-1", **fields}
    with pytest.raises(InvalidArgumentError, match=named):
        Target(**values)


def test_targets_are_frozen_and_hashable() -> None:
    """Targets are values: equal ones hash alike and none can change."""
    target = Target(account_id=ACCOUNT, region="us-east-1")
    assert {target, Target(account_id=ACCOUNT, region="us-east-1")} == {target}
    with pytest.raises(AttributeError):
        target.region = "eu-west-1"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - frozen on purpose


def test_organization_targets_are_the_active_members(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Every member account, not the management account, in each region given."""
    made = list(organization_targets(aws_session, regions=["us-east-1", "eu-west-1"]))
    assert [t.account_id for t in made[::2]] == list(organization.accounts)
    assert {t.region for t in made} == {"us-east-1", "eu-west-1"}
    assert all(t.role_arn == f"arn:aws:iam::{t.account_id}:role/{DEFAULT_ROLE}" for t in made)


def test_an_account_in_no_organization_has_no_organization_to_list(
    aws_session: boto3.session.Session,
) -> None:
    """AWS's AWSOrganizationsNotInUseException (the caller's account is in no organization)
    is NotFoundError: the organization is missing, nothing is in use."""
    with pytest.raises(NotFoundError, match="AWSOrganizationsNotInUseException"):
        list(organization_targets(aws_session))


def test_organization_targets_include_exclude_and_management(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """include keeps only those accounts, exclude drops them; the management account comes
    only when asked, and then with its role too."""
    first, second, *_ = organization.accounts
    only = organization_targets(aws_session, regions=["us-east-1"], include=[first, second])
    assert [t.account_id for t in only] == [first, second]
    dropped = organization_targets(aws_session, regions=["us-east-1"], exclude=[first])
    assert first not in {t.account_id for t in dropped}
    everyone = organization_targets(
        aws_session, regions=["us-east-1"], include_management_account=True, role_name=None
    )
    made = list(everyone)
    assert organization.management in {t.account_id for t in made}
    assert all(t.role_arn is None for t in made)


def test_organization_targets_default_to_the_enabled_regions(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Without regions, each account gets every region enabled for the caller's account."""
    from awsfacade.fanout import regions

    made = list(organization_targets(aws_session, include=[organization.accounts[0]]))
    assert [t.region for t in made] == regions(aws_session)


def test_empty_selections_mean_nothing_and_send_nothing(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """An empty include or regions list yields no targets and sends no request."""
    log = log_session_requests(aws_session)
    assert list(organization_targets(aws_session, include=[])) == []
    assert list(organization_targets(aws_session, regions=[])) == []
    assert log.sent == []


def test_nothing_is_sent_before_the_first_next(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """organization_targets is lazy."""
    log = log_session_requests(aws_session)
    made = organization_targets(aws_session, regions=["us-east-1"])
    assert log.sent == []
    next(made)
    assert log.operations == ["DescribeOrganization", "ListAccounts"]


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"regions": "us-east-1"}, "regions"),
        ({"include": ACCOUNT}, "include"),
        ({"exclude": ["bad"]}, "exclude"),
        ({"include_management_account": "yes"}, "include_management_account"),
        ({"role_name": ""}, "role_name"),
    ],
)
def test_organization_targets_checks_its_arguments(
    aws_session: boto3.session.Session, arguments: dict[str, object], named: str
) -> None:
    """Each wrong argument raises at the call, before any request."""
    log = log_session_requests(aws_session)
    with pytest.raises(InvalidArgumentError, match=named):
        organization_targets(aws_session, **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose
    assert log.sent == []


@pytest.fixture
def organizations(
    aws_session: boto3.session.Session,
) -> Iterator[tuple[Stubber, OrganizationsClient]]:
    """A Stubber on the Organizations client organization_targets uses."""
    client = ORGANIZATIONS.get(aws_session, region=None, endpoint_url=None, config=None)
    with Stubber(client) as stub:
        yield stub, client
        stub.assert_no_pending_responses()


JOINED = datetime(2024, 1, 1, tzinfo=UTC)


def test_organization_targets_page_and_read_state_or_status(
    aws_session: boto3.session.Session, organizations: tuple[Stubber, OrganizationsClient]
) -> None:
    """Two pages of ListAccounts (20 a page, AWS's maximum); ACTIVE in the new State member or
    the old Status one; suspended, closed and pending accounts are left out."""
    stub, _ = organizations
    stub.add_response(
        "describe_organization", {"Organization": {"MasterAccountId": "999999999999"}}
    )
    stub.add_response(
        "list_accounts",
        {
            "Accounts": [
                {"Id": "111111111111", "State": "ACTIVE", "Status": "ACTIVE"},
                {"Id": "222222222222", "Status": "ACTIVE"},
                {"Id": "333333333333", "State": "SUSPENDED", "Status": "SUSPENDED"},
                {"Id": "999999999999", "State": "ACTIVE"},
            ],
            "NextToken": "page-2",
        },
        {"MaxResults": 20},
    )
    stub.add_response(
        "list_accounts",
        {
            "Accounts": [
                {"Id": "444444444444", "State": "PENDING_CLOSURE", "Status": "PENDING_CLOSURE"},
                {"Id": "555555555555", "State": "CLOSED"},
                {"Id": "666666666666", "State": "ACTIVE", "JoinedTimestamp": JOINED},
            ]
        },
        {"MaxResults": 20, "NextToken": "page-2"},
    )
    made = organization_targets(aws_session, regions=["us-east-1"])
    assert [t.account_id for t in made] == ["111111111111", "222222222222", "666666666666"]


def test_organization_errors_are_translated(
    aws_session: boto3.session.Session, organizations: tuple[Stubber, OrganizationsClient]
) -> None:
    """A member account may not list the organization: AccessDeniedException is AccessDenied."""
    stub, _ = organizations
    stub.add_response("describe_organization", {"Organization": {}})
    stub.add_client_error("list_accounts", "AccessDeniedException", http_status_code=400)
    with pytest.raises(AccessDeniedError):
        list(organization_targets(aws_session, regions=["us-east-1"]))


def test_an_account_without_an_id_is_an_unexpected_response(
    aws_session: boto3.session.Session, organizations: tuple[Stubber, OrganizationsClient]
) -> None:
    """An ACTIVE account without the Id AWS always sends raises UnexpectedResponseError."""
    stub, _ = organizations
    stub.add_response("list_accounts", {"Accounts": [{"State": "ACTIVE"}]}, {"MaxResults": 20})
    made = organization_targets(aws_session, regions=["us-east-1"], include_management_account=True)
    with pytest.raises(UnexpectedResponseError, match="Id"):
        list(made)
