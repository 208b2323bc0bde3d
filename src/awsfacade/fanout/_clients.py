"""The clients ``awsfacade.fanout`` itself uses, from the caller's session, cached per session
by the library's ``ClientCache`` (standard retries)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_ec2.client import EC2Client
    from mypy_boto3_organizations.client import OrganizationsClient
    from mypy_boto3_sts.client import STSClient

__all__ = ["EC2", "ORGANIZATIONS", "STS"]


# pyright strict calls Session.client "partially unknown": the overloads of services whose
# stubs are not installed return Unknown. These overloads return the typed clients.
def _organizations(session: Session, options: ClientOptions) -> OrganizationsClient:
    return session.client("organizations", **options)  # pyright: ignore[reportUnknownMemberType]


def _sts(session: Session, options: ClientOptions) -> STSClient:
    return session.client("sts", **options)  # pyright: ignore[reportUnknownMemberType]


def _ec2(session: Session, options: ClientOptions) -> EC2Client:
    return session.client("ec2", **options)  # pyright: ignore[reportUnknownMemberType]


#: Organizations is global (its endpoint is in us-east-1 for the aws partition).
ORGANIZATIONS: ClientCache[OrganizationsClient] = ClientCache(
    "organizations", _organizations, global_service=True
)
#: STS is regional; the caller's region is used, else us-east-1 (see ``_sessions``).
STS: ClientCache[STSClient] = ClientCache("sts", _sts, global_service=True)
#: For DescribeRegions only: any region answers it, so a session without one asks us-east-1.
EC2: ClientCache[EC2Client] = ClientCache("ec2", _ec2, global_service=True)
