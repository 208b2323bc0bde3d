"""IamService: one class over the parts of IAM that each module of this package covers."""

from __future__ import annotations

from awsfacade.iam._groups import IamGroupsMixin
from awsfacade.iam._keys import IamKeysMixin
from awsfacade.iam._policies import IamPoliciesMixin
from awsfacade.iam._roles import IamRolesMixin
from awsfacade.iam._users import IamUsersMixin

__all__ = ["IamService"]


class IamService(IamUsersMixin, IamGroupsMixin, IamKeysMixin, IamRolesMixin, IamPoliciesMixin):
    """IAM: users, groups, membership, access keys, roles and managed policies.

    IAM is global: with no region anywhere the client uses the partition's global endpoint
    (``https://iam.amazonaws.com``); ``region="cn-north-1"`` reaches the China partition.
    """

    __slots__ = ()
