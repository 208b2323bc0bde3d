"""RdsService: one class over the parts of RDS that each module of this package covers."""

from __future__ import annotations

from awsfacade.rds._instances import RdsInstancesMixin
from awsfacade.rds._subnet_groups import RdsSubnetGroupsMixin

__all__ = ["RdsService"]


class RdsService(RdsInstancesMixin, RdsSubnetGroupsMixin):
    """RDS: DB instances and DB subnet groups.

    A regional service: it needs a region (from `region=`, the session or the environment).

    Args:
        session: The boto3 session to build the client from; `None`: one awsfacade-wide
            default session.
        region: Overrides the session's region.
        endpoint_url: Another endpoint: a moto server, LocalStack…
        config: A botocore `Config`, merged over the library's defaults.

    Raises:
        InvalidArgumentError: No region is given anywhere (the message names the three ways
            to give one).
    """

    __slots__ = ()
