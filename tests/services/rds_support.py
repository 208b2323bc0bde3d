"""Helpers shared by the RDS service tests: a VPC with subnets in two zones, and DB instance
and subnet group items as AWS sends them (for Stubber answers)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from support import log_requests

from awsfacade.ec2 import Ec2Service

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_rds.type_defs import DBInstanceTypeDef, DBSubnetGroupTypeDef


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


#: test_rds_validation.py (the lead replaces it) imports this name from here.
record = log_requests


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
