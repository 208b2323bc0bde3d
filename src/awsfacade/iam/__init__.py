"""IAM: users, groups, access keys, roles and managed policies."""

from awsfacade.iam._service import IamService

__all__ = ["IamService"]
