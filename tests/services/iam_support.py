"""Helpers shared by the IAM service tests: documents, canned IAM answers and entities."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import RoleTypeDef, UserTypeDef

#: A trust policy letting EC2 assume a role.
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
#: A policy allowing to read one bucket.
READ_BUCKET = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::demo/*"}
    ],
}
#: An instant for canned answers.
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ACCOUNT = "123456789012"


def user_item(name: str) -> UserTypeDef:
    """A ListUsers entry for ``name``."""
    return {
        "Path": "/",
        "UserName": name,
        "UserId": f"AIDA{name.upper():0<17}",
        "Arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
        "CreateDate": WHEN,
    }


def role_item(name: str, document: str) -> RoleTypeDef:
    """A ListRoles entry for ``name`` whose trust policy is the text ``document``."""
    return {
        "Path": "/",
        "RoleName": name,
        "RoleId": f"AROA{name.upper():0<17}",
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
        "CreateDate": WHEN,
        "AssumeRolePolicyDocument": document,
    }
