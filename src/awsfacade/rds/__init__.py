"""RDS: DB instances and DB subnet groups."""

from awsfacade.rds._models import DbInstance, DbInstanceStatus, DbSubnetGroup, Endpoint
from awsfacade.rds._service import RdsService

__all__ = ["DbInstance", "DbInstanceStatus", "DbSubnetGroup", "Endpoint", "RdsService"]
