"""A progress callback takes a Progress: one that takes something else, or takes nothing,
must not type-check, nor must a report be changed (it is frozen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsfacade import Progress
    from awsfacade.ec2 import Ec2Service


def count(seconds: int) -> None:
    print(seconds)


def nothing() -> None:
    print("polled")


def misuse(ec2: Ec2Service, progress: Progress) -> None:
    """Each marked line passes a callback that cannot take a Progress, or edits a report."""
    ec2.wait_until(["i-1"], "running", on_progress=count)  # expect: arg-type
    ec2.wait_until(["i-1"], "running", on_progress=nothing)  # expect: arg-type
    progress.done = 3  # expect: misc
