"""Every account, every region, one call: typed fan-out over many AWS accounts and regions.

[`fan_out(targets, work)`][awsfacade.fanout.fan_out] runs `work(session, target)` for each
[Target][awsfacade.fanout.Target] (an account, a region and the role to assume there) on any
`concurrent.futures` executor and yields [Success][awsfacade.fanout.Success] or
[Failure][awsfacade.fanout.Failure] outcomes as they complete, with bounded memory.
[`targets()`][awsfacade.fanout.targets] and
[`organization_targets()`][awsfacade.fanout.organization_targets] build the targets;
[`regions()`][awsfacade.fanout.regions] lists the regions enabled for an account.
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
