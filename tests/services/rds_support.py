"""Helpers shared by the RDS service tests: a VPC with subnets in two zones, and DB instance
and subnet group items as AWS sends them (for Stubber answers)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from botocore.awsrequest import AWSResponse, HTTPHeaders
from support import Requests

from awsfacade.ec2 import Ec2Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.client import BaseClient
    from mypy_boto3_rds.type_defs import DBInstanceTypeDef, DBSubnetGroupTypeDef

    from awsfacade.rds import RdsService

#: A master password for tests that must never find it again in a repr, log or error.
PASSWORD = "Sup3r-secret-Pw"
ACCOUNT = "123456789012"
CREATED = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


def subnets_in_two_zones(session: Session, region: str = "us-east-1") -> tuple[str, list[str]]:
    """A new VPC and two of its subnets in different zones: what a DB subnet group needs."""
    ec2 = Ec2Service(session, region=region)
    vpc = ec2.create_vpc(cidr_block="10.0.0.0/16")
    subnets = [
        ec2.create_subnet(
            vpc_id=vpc.id, cidr_block=f"10.0.{n}.0/24", availability_zone=f"{region}{zone}"
        ).id
        for n, zone in enumerate("ab")
    ]
    return vpc.id, subnets


def record(rds: RdsService) -> Requests:
    """Every request ``rds`` sends from now on."""
    log = Requests()
    rds.client.meta.events.register("before-call.rds", log)
    return log


def subnet_group_item(name: str = "db-subnets", vpc_id: str = "vpc-1") -> DBSubnetGroupTypeDef:
    """A DBSubnetGroup as DescribeDBSubnetGroups and DescribeDBInstances send it."""
    return {
        "DBSubnetGroupName": name,
        "DBSubnetGroupDescription": "for tests",
        "VpcId": vpc_id,
        "SubnetGroupStatus": "Complete",
        "Subnets": [
            {
                "SubnetIdentifier": "subnet-a",
                "SubnetAvailabilityZone": {"Name": "us-east-1a"},
                "SubnetStatus": "Active",
            },
            {
                "SubnetIdentifier": "subnet-b",
                "SubnetAvailabilityZone": {"Name": "us-east-1b"},
                "SubnetStatus": "Active",
            },
        ],
        "DBSubnetGroupArn": f"arn:aws:rds:us-east-1:{ACCOUNT}:subgrp:{name}",
    }


def instance_item(identifier: str = "db1", status: str = "available") -> DBInstanceTypeDef:
    """A DBInstance with what AWS always sends, as DescribeDBInstances sends it."""
    return {
        "DBInstanceIdentifier": identifier,
        "DBInstanceArn": f"arn:aws:rds:us-east-1:{ACCOUNT}:db:{identifier}",
        "DbiResourceId": f"db-{identifier.upper():A<26}",
        "DBInstanceClass": "db.t3.micro",
        "Engine": "postgres",
        "DBInstanceStatus": status,
        "AllocatedStorage": 20,
    }


class _Raw:
    """The raw body botocore's AWSResponse would read from (an injected answer has none)."""

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield b""


#: What a ``before-call`` hook may return instead of sending: the response and its parse.
Answer = tuple[AWSResponse, dict[str, object]]


def rds_answer(parsed: Mapping[str, object]) -> Answer:
    """An RDS answer as botocore parses it from the wire: a result or an ``Error``."""
    status = 400 if "Error" in parsed else 200
    body: dict[str, object] = dict(parsed)
    body["ResponseMetadata"] = {"RequestId": "injected-1", "HTTPStatusCode": status}
    return (
        AWSResponse("https://rds.us-east-1.amazonaws.com/", status, HTTPHeaders(), _Raw()),
        body,
    )


def rds_error(code: str, message: str = "injected") -> Answer:
    """An RDS error answer."""
    return rds_answer({"Error": {"Type": "Sender", "Code": code, "Message": message}})


class Always:
    """A ``before-call`` hook giving the requests of one operation ``answers`` in order and the
    last one for ever after, so a test of a wait does not depend on how often it polls."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, **_: object) -> Answer:
        self.calls += 1
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


def always(client: BaseClient, operation: str, *answers: Answer) -> Always:
    """Register an :class:`Always` hook answering every ``operation`` request of ``client``."""
    hook = Always(*answers)
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    client.meta.events.register(f"before-call.rds.{operation}", hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook
