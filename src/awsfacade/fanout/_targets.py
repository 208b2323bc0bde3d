"""Where ``fan_out`` runs: `Target` (an account, a region and the role to assume there)
and the builders `targets()` and `organization_targets()`.

An empty list of accounts, regions or included accounts means *no* targets, never "all".
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs
import boto3.session
import botocore.session

from awsfacade._convert import converter, required
from awsfacade._translate import translate
from awsfacade._validate import check_bool, check_id
from awsfacade.errors import InvalidArgumentError
from awsfacade.fanout._clients import ORGANIZATIONS

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_organizations.client import OrganizationsClient
    from mypy_boto3_organizations.type_defs import AccountTypeDef, ListAccountsResponseTypeDef

__all__ = ["DEFAULT_ROLE", "Target", "organization_targets", "targets"]

DEFAULT_ROLE: Final = "OrganizationAccountAccessRole"
"""The role AWS Organizations creates in every account it creates: the role `targets()` and
`organization_targets()` assume by default."""

_ACCOUNT_ID = re.compile(r"\d{12}")
#: IAM role names: 1 to 64 of these characters (IAM's CreateRole), optionally under a path.
_ROLE_NAME = re.compile(r"/?([\w+=,.@-]+/)*[\w+=,.@-]{1,64}")
#: ListAccounts allows at most 20 accounts a page.
_ACCOUNTS_PAGE = 20


def check_account_id(value: object, what: str) -> str:
    """A 12-digit AWS account id as a string."""
    if not isinstance(value, str) or not _ACCOUNT_ID.fullmatch(value):
        raise InvalidArgumentError(f"{what} must be a 12-digit AWS account id, not {value!r}")
    return value


@attrs.frozen(kw_only=True)
class Target:
    """One place to run the work: an account, a region, and the role to assume there
    (``None``: the caller's own credentials, no role).

    A target is checked when built (a 12-digit account id, a region name, a role ARN); the
    account ids Organizations sends pass the same check. `str(target)` is
    `account_id/region`. Build targets by hand, or with [targets][awsfacade.fanout.targets]
    and [organization_targets][awsfacade.fanout.organization_targets].

    Raises:
        InvalidArgumentError: `account_id` is not 12 digits, `region` is empty or not a
            string, or `role_arn` is not an ARN.
    """

    account_id: str
    """The 12-digit id of the account to run in."""
    region: str
    """The region the work is to run in: pass it to the services the work builds
    (`region=target.region`), since the account's session has no default region."""
    role_arn: str | None = None
    """The ARN of the role to assume in the account; `None`: the caller's own credentials."""

    def __attrs_post_init__(self) -> None:
        check_account_id(self.account_id, "account_id")
        check_id(self.region, "region")
        if self.role_arn is not None and (
            not isinstance(self.role_arn, str) or not self.role_arn.startswith("arn:")
        ):
            raise InvalidArgumentError(
                f"role_arn must be an IAM role ARN or None, not {self.role_arn!r}"
            )

    def __str__(self) -> str:
        return f"{self.account_id}/{self.region}"


_endpoint_data: botocore.session.Session | None = None
_endpoint_lock = threading.Lock()


def _partitions() -> botocore.session.Session:
    """A botocore session used only to read botocore's endpoint data (partitions)."""
    global _endpoint_data  # noqa: PLW0603 - a process-wide lazily created reader
    with _endpoint_lock:
        if _endpoint_data is None:
            _endpoint_data = botocore.session.Session()
        return _endpoint_data


def partition(region: str, what: str = "region") -> str:
    """The partition of ``region`` (``aws``, ``aws-cn``, ``aws-us-gov``, …), from botocore's
    endpoint data: role ARNs are never hard-coded to ``arn:aws:``. An unknown region raises
    InvalidArgumentError naming the argument, ``what``."""
    try:
        return _partitions().get_partition_for_region(region)
    # botocore raises UnknownRegionError, whose class botocore-stubs type with Any (its
    # **kwargs), so naming it here would be an Any expression; nothing else is raised here.
    except Exception as error:
        raise InvalidArgumentError(f"{what}: {region!r} is not a region botocore knows") from error


def check_session(session: object) -> None:
    """``session`` is a boto3 Session (another object would fail later, on an attribute)."""
    if not isinstance(session, boto3.session.Session):
        raise InvalidArgumentError(f"session must be a boto3 Session, not {session!r}")


def role_arn(account_id: str, region: str, role_name: str | None) -> str | None:
    """The ARN of ``role_name`` in the account, in the partition of ``region``."""
    if role_name is None:
        return None
    return f"arn:{partition(region)}:iam::{account_id}:role/{role_name.strip('/')}"


def _strings(values: object, what: str) -> list[str]:
    """A list of strings (never a lone string standing for a list), duplicates dropped."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{what} must be a list of strings, not {values!r}")
    checked: list[str] = []
    for value in values:  # pyright: ignore[reportUnknownVariableType] - checked one by one
        text = check_id(value, f"each of {what}")  # pyright: ignore[reportUnknownArgumentType]
        if text not in checked:
            checked.append(text)
    return checked


def _role_name(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ROLE_NAME.fullmatch(value):
        raise InvalidArgumentError(f"role_name must be an IAM role name or None, not {value!r}")
    return value


def _regions(values: object) -> list[str]:
    checked = _strings(values, "regions")
    for region in checked:
        partition(region, "regions")  # an unknown region fails here, before any request
    return checked


def targets(
    *,
    accounts: Iterable[str],
    regions: Iterable[str],
    role_name: str | None = DEFAULT_ROLE,
) -> list[Target]:
    """Every (account, region) pair, account by account, assuming `role_name` in each.

    Nothing is sent to AWS. Duplicates in `accounts` and `regions` are dropped; each role's
    ARN is in the partition of its region (`arn:aws-cn:` in China).

    Args:
        accounts: 12-digit account ids. An empty list gives no targets — never "all".
        regions: Region names botocore knows. An empty list gives no targets.
        role_name: The IAM role to assume in each account (a name, optionally with its
            path); `None` runs with the caller's own credentials (for the caller's account).

    Returns:
        The targets, the regions of the first account first.

    Raises:
        InvalidArgumentError: An account id is not 12 digits, a region is not one botocore
            knows, `role_name` is not a role name, or a list is a lone string.
    """
    account_ids = [check_account_id(a, "each of accounts") for a in _strings(accounts, "accounts")]
    region_names = _regions(regions)
    role = _role_name(role_name)
    return [
        Target(account_id=account, region=region, role_arn=role_arn(account, region, role))
        for account in account_ids
        for region in region_names
    ]


def _account_ids(values: object, what: str) -> frozenset[str] | None:
    if values is None:
        return None
    return frozenset(check_account_id(a, f"each of {what}") for a in _strings(values, what))


@converter
def _active_id(account: AccountTypeDef) -> str | None:
    """The account's id if it is ACTIVE: the new ``State`` member, else the old ``Status``."""
    state = account.get("State") or account.get("Status")
    return required(account.get("Id"), "Id") if state == "ACTIVE" else None


def organization_targets(
    session: Session,
    *,
    role_name: str | None = DEFAULT_ROLE,
    regions: Iterable[str] | None = None,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    include_management_account: bool = False,
) -> Iterator[Target]:
    """The targets of every ACTIVE account of the caller's organization, account by account.

    Pages Organizations `ListAccounts` lazily (call it from the management account or a
    delegated administrator). Nothing is requested before the first `next()`; the
    arguments are checked at the call.

    Args:
        session: The caller's session, in the management account or a delegated
            administrator.
        role_name: The IAM role to assume in each account; `None`: the caller's own
            credentials.
        regions: The regions of every account's targets; `None` means the regions enabled
            for the caller's account ([regions][awsfacade.fanout.regions]); an empty list,
            no targets.
        include: Keep only these account ids (an empty list: none); `None` keeps all.
        exclude: Drop these account ids.
        include_management_account: Keep the management account too (DescribeOrganization's
            `MasterAccountId`), which is left out by default.

    Returns:
        A lazy iterator of the targets, read page by page as you iterate.

    Raises:
        NotFoundError: The caller's account is in no organization
            (`AWSOrganizationsNotInUseException`).
        InvalidArgumentError: `session` is not a boto3 Session, an account id is not 12
            digits, a region is not one botocore knows, or `role_name` is not a role name;
            raised at the call, before any request.
    """
    check_session(session)
    role = _role_name(role_name)
    region_names = None if regions is None else _regions(regions)
    included = _account_ids(include, "include")
    excluded = _account_ids(exclude, "exclude") or frozenset()
    with_management = check_bool(include_management_account, "include_management_account")
    client = ORGANIZATIONS.get(session, region=None, endpoint_url=None, config=None)
    if region_names == [] or included == frozenset():
        return iter(())
    return _organization_targets(
        session, client, role, region_names, included, excluded, with_management
    )


def _organization_targets(  # noqa: PLR0917 - the checked arguments of the public function
    session: Session,
    client: OrganizationsClient,
    role: str | None,
    region_names: list[str] | None,
    included: frozenset[str] | None,
    excluded: frozenset[str],
    with_management: bool,
) -> Iterator[Target]:
    from awsfacade.fanout._regions import regions as enabled_regions

    if not with_management:
        with translate():
            organization = client.describe_organization().get("Organization", {})
        management = organization.get("MasterAccountId")
        excluded = excluded | {management} if management else excluded
    names = enabled_regions(session) if region_names is None else region_names
    pages = client.get_paginator("list_accounts").paginate(
        PaginationConfig={"PageSize": _ACCOUNTS_PAGE}
    )
    page_iterator: Iterator[ListAccountsResponseTypeDef] = iter(pages)
    while True:
        with translate():
            page = next(page_iterator, None)
        if page is None:
            return
        for account in page.get("Accounts", []):
            account_id = _active_id(account)
            if account_id is None or account_id in excluded:
                continue
            if included is not None and account_id not in included:
                continue
            for region in names:
                yield Target(
                    account_id=account_id,
                    region=region,
                    role_arn=role_arn(account_id, region, role),
                )
