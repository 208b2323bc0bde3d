"""IAM: users, groups, access keys, roles and managed policies."""

from awsfacade.iam._models import (
    AccessKey,
    AccessKeyStatus,
    AttachedPolicy,
    Group,
    Policy,
    PolicyDocument,
    PolicyScope,
    Role,
    User,
)
from awsfacade.iam._service import IamService

__all__ = [
    "AccessKey",
    "AccessKeyStatus",
    "AttachedPolicy",
    "Group",
    "IamService",
    "Policy",
    "PolicyDocument",
    "PolicyScope",
    "Role",
    "User",
]
