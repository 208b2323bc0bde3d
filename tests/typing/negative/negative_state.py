"""States are InstanceState members or AWS's strings for them ("running"): any other str,
even one read at run time, and another enum's member must not type-check.

InstanceState is a StrEnum, so a state is a str and compares with one (typing_models.py
checks ``instance.state == "running"``); the other way round, a str is not an InstanceState.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade.ec2 import InstanceState, VpcState

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service, Instance


def misuse(ec2: Ec2Service, instance: Instance) -> None:
    """Each marked line passes what is not an instance state where one is expected."""
    ec2.wait_until(["i-1"], "Running")  # expect: arg-type
    ec2.instances(states=["runing", InstanceState.STOPPED])  # expect: list-item
    state: InstanceState = "stopped"  # expect: assignment
    ec2.wait_until(["i-1"], instance.state_name)  # expect: arg-type
    ec2.wait_until(["i-1"], VpcState.AVAILABLE)  # expect: arg-type
    print(state)
