"""Every account, every region, one call: typed fan-out over many AWS accounts and regions.

``fan_out(targets, work)`` runs ``work(session, target)`` for each :class:`Target` (an
account, a region and the role to assume there) on any ``concurrent.futures`` executor and
yields :class:`Success` or :class:`Failure` outcomes as they complete, with bounded memory.
:func:`targets` and :func:`organization_targets` build the targets; :func:`regions` lists the
regions enabled for an account.
"""

from awsfacade.fanout._outcomes import Failure, Outcome, Stage, Success
from awsfacade.fanout._regions import regions
from awsfacade.fanout._run import fan_out
from awsfacade.fanout._targets import DEFAULT_ROLE, Target, organization_targets, targets

__all__ = [
    "DEFAULT_ROLE",
    "Failure",
    "Outcome",
    "Stage",
    "Success",
    "Target",
    "fan_out",
    "organization_targets",
    "regions",
    "targets",
]
