"""The ``aws_organization`` fixture and ``mocked_organization()``: an organization on moto whose
member accounts ``fan_out`` reaches through AssumeRole, each with its own credentials and its
own resources, so a user's multi-account code is tested like single-account code."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

import pytest

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import InvalidArgumentError
from awsfacade.fanout import DEFAULT_ROLE, Failure, Success, Target, fan_out, organization_targets
from awsfacade.iam import IamService
from awsfacade.testing import Organization, Realism, mocked_organization
from awsfacade.testing._organization import _DEFAULT_ROLE

if TYPE_CHECKING:
    import boto3.session
    from mypy_boto3_iam.client import IAMClient
    from mypy_boto3_sts.client import STSClient

T = TypeVar("T")
IMAGE_ID = "ami-12345678"
TWO_REGIONS = ["us-east-1", "eu-west-1"]


def identity(session: boto3.session.Session, target: Target) -> tuple[str, str]:
    """The account and ARN the work's credentials belong to, as STS sees them."""
    # PARTIAL: pyright strict calls Session.client "partially unknown" (the overloads of
    # services whose stubs are not installed return Unknown); this annotated one is typed.
    sts: STSClient = session.client("sts", region_name=target.region)  # pyright: ignore[reportUnknownMemberType] - see PARTIAL
    answer = sts.get_caller_identity()
    return answer["Account"], answer["Arn"]


def instance_count(session: boto3.session.Session, target: Target) -> int:
    """How many instances the target's account runs in the target's region."""
    return sum(1 for _ in Ec2Service(session, region=target.region).instances())


def values(
    organization: Organization, work: Callable[[boto3.session.Session, Target], T]
) -> dict[Target, T]:
    """Every target's value of a fan_out over the organization (a failure fails the test)."""
    found: dict[Target, T] = {}
    for outcome in fan_out(organization.targets(), work, session=organization.session):
        assert isinstance(outcome, Success), outcome
        found[outcome.target] = outcome.value
    return found


@pytest.mark.aws_organization(accounts=3, regions=TWO_REGIONS)
def test_fan_out_runs_the_work_with_each_member_accounts_assumed_role(
    aws_organization: Organization,
) -> None:
    """Each target's work runs with credentials of its own account, from AssumeRole into the
    organization's role: STS names that account and that assumed role."""
    organization = aws_organization
    found = values(organization, identity)
    assert set(found) == set(organization.targets())
    assert len(found) == 6
    for target, (account, arn) in found.items():
        assert account == target.account_id
        assert arn == f"arn:aws:sts::{account}:assumed-role/{DEFAULT_ROLE}/awsfacade-fanout"
    assert {account for account, _ in found.values()} == set(organization.account_ids)


@pytest.mark.aws_organization(accounts=3, regions=TWO_REGIONS)
def test_each_member_account_sees_only_its_own_resources(
    aws_organization: Organization,
) -> None:
    """Instances made through account_session land in that account and region only: a
    fan_out counts each (account, region)'s own, and the management account has none."""
    organization = aws_organization
    expected: dict[Target, int] = {}
    for i, account in enumerate(organization.account_ids):
        session = organization.account_session(account)
        for j, region in enumerate(organization.regions):
            count = i + 2 * j + 1  # every (account, region) count differs from the others
            Ec2Service(session, region=region).run(image_id=IMAGE_ID, count=count)
            expected[Target(account_id=account, region=region, role_arn=None)] = count
    found = values(organization, instance_count)
    assert {
        Target(account_id=t.account_id, region=t.region): v for t, v in found.items()
    } == expected
    for region in organization.regions:
        assert not list(Ec2Service(organization.session, region=region).instances())


@pytest.mark.aws_organization(accounts=4, regions=TWO_REGIONS)
def test_organization_targets_lists_the_same_targets(aws_organization: Organization) -> None:
    """The members are in moto's organization: organization_targets from the management
    session gives the fixture's targets, in the same order, without the management account."""
    organization = aws_organization
    listed = list(organization_targets(organization.session, regions=organization.regions))
    assert listed == organization.targets()
    assert organization.management_account_id not in organization.account_ids
    assert len(set(organization.account_ids)) == 4


@pytest.mark.aws_organization(accounts=2, role_name="Auditor")
def test_the_role_is_made_in_every_member_and_trusts_the_management_account(
    aws_organization: Organization,
) -> None:
    """CreateAccount's RoleName: the role exists in each member, trusting the management
    account's root, and fan_out assumes it."""
    organization = aws_organization
    management = organization.management_account_id
    for account in organization.account_ids:
        iam: IAMClient = organization.account_session(account).client(  # pyright: ignore[reportUnknownMemberType] - see PARTIAL
            "iam", region_name="us-east-1"
        )
        role = iam.get_role(RoleName="Auditor")["Role"]
        assert role["Arn"] == f"arn:aws:iam::{account}:role/Auditor"
        trust = role.get("AssumeRolePolicyDocument")
        policy = json.loads(trust) if isinstance(trust, str) else trust
        assert isinstance(policy, Mapping)
        assert f"arn:aws:iam::{management}:root" in json.dumps(policy)
        assert IamService(organization.account_session(account)).role("Auditor").name == "Auditor"
    for target, (account, arn) in values(organization, identity).items():
        assert target.role_arn == f"arn:aws:iam::{account}:role/Auditor"
        assert ":assumed-role/Auditor/" in arn


def test_without_a_marker_three_accounts_in_the_sessions_region(
    aws_organization: Organization, aws_session: boto3.session.Session
) -> None:
    """The defaults: 3 members, the session's region, fan_out's default role."""
    assert aws_organization.session is aws_session
    assert len(aws_organization.account_ids) == 3
    assert aws_organization.regions == ("us-east-1",)
    assert aws_organization.role_name == DEFAULT_ROLE == _DEFAULT_ROLE
    assert aws_organization.management_account_id == "123456789012"
    assert all(len(a) == 12 and a.isdigit() for a in aws_organization.account_ids)


@pytest.mark.aws_region("eu-west-1")
def test_the_default_region_follows_aws_region(aws_organization: Organization) -> None:
    """Without regions=, the organization's region is the aws_region marker's."""
    assert aws_organization.regions == ("eu-west-1",)
    assert aws_organization.session.region_name == "eu-west-1"


def test_the_same_accounts_get_the_same_ids_in_every_run() -> None:
    """moto's ids are drawn from a fixed seed while the organization is made; what is made
    after it is not pinned (two instances made after two organizations differ)."""
    made: list[tuple[tuple[str, ...], str]] = []
    for _ in range(2):
        with mocked_organization(accounts=3) as organization:
            instance = Ec2Service(organization.session).run(image_id=IMAGE_ID)[0]
            made.append((organization.account_ids, instance.id))
    assert made[0][0] == made[1][0]
    assert made[0][1] != made[1][1]


def test_mocked_organization_outside_pytest_fixtures() -> None:
    """The context manager gives what the fixture gives, on mocked_session's session, with
    its region, regions and realism."""
    with mocked_organization(
        accounts=2, regions=["eu-west-1"], region="eu-west-1", realism=Realism()
    ) as organization:
        assert organization.session.region_name == "eu-west-1"
        assert organization.regions == ("eu-west-1",)
        found = values(organization, identity)
        assert {account for account, _ in found.values()} == set(organization.account_ids)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"accounts": 0}, "accounts must be"),
        ({"accounts": "3"}, "accounts must be"),
        ({"accounts": True}, "accounts must be"),
        ({"regions": "us-east-1"}, "regions must be a list"),
        ({"regions": []}, "at least one region"),
        ({"regions": ["mars-north-1"]}, "not a region botocore knows"),
        ({"regions": ["us-east-1", "cn-north-1"]}, "partition"),
        ({"region": "nowhere-1"}, "not a region botocore knows"),
        ({"role_name": "a/path/Role"}, "role_name must be"),
        ({"role_name": None}, "role_name must be"),
        ({"role_name": "x" * 65}, "role_name must be"),
        ({"realism": "stale"}, "realism must be a Realism"),
    ],
)
def test_bad_arguments_are_refused_before_anything_runs(
    arguments: dict[str, object], message: str
) -> None:
    """Each wrong argument is an InvalidArgumentError naming it, at the with statement."""
    with (
        pytest.raises(InvalidArgumentError, match=message),
        mocked_organization(**arguments),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose
    ):
        pytest.fail("the block ran")


def test_account_session_is_only_for_member_accounts() -> None:
    """The management account, or any other id, is refused: its session is `session`."""
    with mocked_organization(accounts=1) as organization:
        for other in (organization.management_account_id, "111122223333", 42):
            with pytest.raises(InvalidArgumentError, match="member accounts"):
                organization.account_session(other)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose


def test_the_organization_is_frozen() -> None:
    """Organization is a frozen model."""
    with mocked_organization(accounts=1) as organization, pytest.raises(AttributeError):
        organization.regions = ("eu-west-1",)  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - frozen on purpose


# -- A user's module, tested with the plugin as installed ----------------------------------------

#: A user's multi-account inventory. ``{session}`` is the session each target's work uses.
INVENTORY = """
import boto3.session

from awsfacade.ec2 import Ec2Service
from awsfacade.fanout import Success, Target, fan_out, organization_targets


def instance_counts(session, regions):
    \"\"\"How many instances each member account runs in each region.\"\"\"

    def count(account_session: boto3.session.Session, target: Target) -> int:
        return sum(1 for _ in Ec2Service({session}, region=target.region).instances())

    plan = organization_targets(session, regions=regions)
    return {{
        (outcome.target.account_id, outcome.target.region): outcome.value
        for outcome in fan_out(plan, count, session=session)
        if isinstance(outcome, Success)
    }}
"""

#: The user's test of it: a few lines with the fixture.
INVENTORY_TEST = """
import pytest

from awsfacade.ec2 import Ec2Service
from inventory import instance_counts


@pytest.mark.aws_organization(accounts=2, regions=["us-east-1", "eu-west-1"])
def test_counts_every_account_and_region(aws_organization):
    expected = {}
    for number, account in enumerate(aws_organization.account_ids, start=1):
        session = aws_organization.account_session(account)
        for region in aws_organization.regions:
            Ec2Service(session, region=region).run(image_id="ami-12345678", count=number)
            expected[account, region] = number
    assert instance_counts(aws_organization.session, aws_organization.regions) == expected
"""


@pytest.mark.parametrize(
    ("session", "passes"),
    [
        pytest.param("account_session", True, id="each-account's-session"),
        pytest.param("session", False, id="naive:-the-caller's-session"),
    ],
)
def test_a_users_inventory_is_tested_across_accounts(
    pytester: pytest.Pytester, session: str, passes: bool
) -> None:
    """A user's inventory, tested with the fixture in a few lines, passes when its work uses
    each account's session, and fails when it counts with the caller's session (the management
    account's instances, for every target) — a bug a single-account test cannot see."""
    pytester.makepyfile(inventory=INVENTORY.format(session=session), test_inventory=INVENTORY_TEST)
    result = pytester.runpytest("-p", "no:cacheprovider")
    if passes:
        result.assert_outcomes(passed=1)
    else:
        result.assert_outcomes(failed=1)
        # every target counted the management account's instances: none
        result.stdout.fnmatch_lines(["*Differing items:*", "*'us-east-1'): 0} != {(*: 1}*"])


@pytest.mark.parametrize(
    ("marker", "error"),
    [
        ("aws_organization(3)", "*UsageError*@pytest.mark.aws_organization(accounts=3*"),
        ("aws_organization(account=3)", "*UsageError*@pytest.mark.aws_organization(accounts=3*"),
        ("aws_organization(accounts=0)", "*InvalidArgumentError: accounts must be*"),
    ],
)
def test_a_malformed_marker_fails_the_tests_set_up(
    pytester: pytest.Pytester, marker: str, error: str
) -> None:
    """Positional arguments or an unknown keyword: pytest's UsageError, saying how to mark; a
    wrong value: InvalidArgumentError naming it."""
    pytester.makepyfile(
        f"""
        import pytest

        @pytest.mark.{marker}
        def test_it(aws_organization):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([error])


def test_the_marker_is_declared(pytester: pytest.Pytester) -> None:
    """``pytest --markers`` lists aws_organization (a run with --strict-markers accepts it)."""
    result = pytester.runpytest("--markers", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*aws_organization(accounts=3, regions=None, role_name=...)*"])


def test_moto_assumes_a_role_that_does_not_exist(aws_organization: Organization) -> None:
    """A gap the docs state: moto's AssumeRole accepts any role ARN, so a wrong role name is
    not caught on moto (AWS answers AccessDenied). If moto starts refusing it, this fails and
    the docs' "Where moto and AWS differ" must change."""
    wrong = Target(
        account_id=aws_organization.account_ids[0],
        region="us-east-1",
        role_arn=f"arn:aws:iam::{aws_organization.account_ids[0]}:role/NoSuchRole",
    )
    (outcome,) = fan_out([wrong], identity, session=aws_organization.session)
    assert not isinstance(outcome, Failure)
