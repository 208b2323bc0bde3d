"""Helpers of the fan-out tests: an organization of five member accounts on moto, each with
instances in three regions (the fixture is in ``fanout_fixtures``).

moto keeps each account's resources apart by the access key a request is signed with: keys
from ``AssumeRole`` into ``arn:aws:iam::<account>:role/...`` belong to that account. moto's
AssumeRole accepts any role ARN (the role need not exist), so a role that cannot be assumed
is made with a ``before-call`` answer on the caller's session (:func:`deny_role`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeGuard

import attrs
import boto3.session
import botocore.session
from support import http_answer

if TYPE_CHECKING:
    from botocore.awsrequest import AWSResponse
    from botocore.model import OperationModel
    from mypy_boto3_ec2.client import EC2Client
    from mypy_boto3_organizations.client import OrganizationsClient
    from mypy_boto3_sts.client import STSClient

IMAGE_ID = "ami-12345678"
# PARTIAL: pyright strict calls Session.client "partially unknown" (the overloads of services
# whose stubs are not installed return Unknown); the annotated overloads here are typed.
REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")
ROLE = "OrganizationAccountAccessRole"


@attrs.frozen(kw_only=True)
class Organization:
    """The accounts made, and how many instances each (account, region) holds."""

    management: str
    accounts: tuple[str, ...]
    instances: Mapping[tuple[str, str], int]


def session_in(caller: boto3.session.Session, account: str, region: str) -> boto3.session.Session:
    """A raw boto3 session in ``account`` (its role assumed), for the set-up."""
    sts: STSClient = caller.client("sts")  # pyright: ignore[reportUnknownMemberType] - see PARTIAL
    answer = sts.assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="set-up"
    )
    credentials = answer["Credentials"]
    core = botocore.session.Session()
    core.register_component("data_loader", caller._loader)
    return boto3.session.Session(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
        region_name=region,
        botocore_session=core,
    )


def make_organization(caller: boto3.session.Session, members: int = 5) -> Organization:
    """An organization with ``members`` accounts; account i, region j holds i + j + 1
    instances, so every (account, region) count differs from its neighbours'."""
    organizations: OrganizationsClient = caller.client("organizations")  # pyright: ignore[reportUnknownMemberType] - see PARTIAL
    management = organizations.create_organization(FeatureSet="ALL")["Organization"].get(
        "MasterAccountId"
    )
    assert management is not None
    accounts: list[str] = []
    for index in range(members):
        status = organizations.create_account(
            Email=f"member{index}@example.com", AccountName=f"member-{index}"
        )["CreateAccountStatus"]
        assert "AccountId" in status
        accounts.append(status["AccountId"])
    instances: dict[tuple[str, str], int] = {}
    for i, account in enumerate(accounts):
        for j, region in enumerate(REGIONS):
            count = i + j + 1
            ec2: EC2Client = session_in(caller, account, region).client("ec2")  # pyright: ignore[reportUnknownMemberType] - see PARTIAL
            ec2.run_instances(ImageId=IMAGE_ID, MinCount=count, MaxCount=count)
            instances[account, region] = count
    return Organization(management=management, accounts=tuple(accounts), instances=instances)


def _xml_error(code: str) -> AWSResponse:
    body = (
        f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code>"
        "<Message>not authorized to perform sts:AssumeRole</Message></Error>"
        "<RequestId>denied-1</RequestId></ErrorResponse>"
    ).encode()
    return http_answer("https://sts.amazonaws.com/", 403, body)


def _is_wire_params(value: object) -> TypeGuard[Mapping[str, object]]:
    # STS's query protocol: at before-call the body is a flat dict of wire parameters.
    return isinstance(value, Mapping)


def deny_role(caller: boto3.session.Session, account: str) -> list[str]:
    """Make AssumeRole into ``account`` fail with AccessDenied, as AWS answers when the role's
    trust policy does not allow the caller; returns the role ARNs denied so far."""
    denied: list[str] = []

    def hook(
        *, model: OperationModel, params: Mapping[str, object], **_: object
    ) -> tuple[AWSResponse, Mapping[str, object]] | None:
        body = params.get("body")
        role = body.get("RoleArn") if _is_wire_params(body) else None
        if model.name != "AssumeRole" or not isinstance(role, str) or f"::{account}:" not in role:
            return None
        denied.append(role)
        parsed = {
            "Error": {
                "Code": "AccessDenied",
                "Message": "not authorized to perform sts:AssumeRole",
            },
            "ResponseMetadata": {"RequestId": "denied-1", "HTTPStatusCode": 403},
        }
        return _xml_error("AccessDenied"), parsed

    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (http response, parsed answer) that botocore then uses instead of sending the request.
    caller.events.register("before-call.sts.AssumeRole", hook)  # type: ignore[arg-type]
    return denied
