"""RDS: DB instances and DB subnet groups."""

from awsfacade.rds._service import RdsService

__all__ = ["RdsService"]
