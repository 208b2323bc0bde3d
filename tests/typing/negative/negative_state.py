"""States are InstanceState members: a str, even AWS's own state string, must not type-check.

InstanceState is a StrEnum, so a state is a str and compares with one (typing_models.py
checks ``instance.state == "running"``); the other way round, a str is not an InstanceState.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade.ec2 import InstanceState, VpcState

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service, Instance


def misuse(ec2: Ec2Service, instance: Instance) -> None:
    """Each marked line uses a str (or another state enum) where an InstanceState is expected."""
    ec2.wait_until(["i-1"], "running")  # expect: arg-type
    ec2.instances(states=["running", InstanceState.STOPPED])  # expect: list-item
    state: InstanceState = "stopped"  # expect: assignment
    ec2.wait_until(["i-1"], instance.state_name)  # expect: arg-type
    ec2.wait_until(["i-1"], VpcState.AVAILABLE)  # expect: arg-type
    print(state)
