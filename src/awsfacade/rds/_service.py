"""RdsService: one class over the parts of RDS that each module of this package covers."""

from __future__ import annotations

from awsfacade.rds._instances import RdsInstancesMixin
from awsfacade.rds._subnet_groups import RdsSubnetGroupsMixin

__all__ = ["RdsService"]


class RdsService(RdsInstancesMixin, RdsSubnetGroupsMixin):
    """RDS: DB instances and DB subnet groups.

    A regional service: it needs a region (from ``region=``, the session or the environment).
    Build it from a ``boto3.Session`` (``None``: one awsfacade-wide default session), with
    ``region=``, ``endpoint_url=`` and a botocore ``config=`` merged over the library's.
    """

    __slots__ = ()
