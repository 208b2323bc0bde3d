"""Type checks of progress reports: checked by mypy and basedpyright, never run."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_type

from awsfacade.ec2 import Ec2Service, Instance
from awsfacade.progress import Progress as ModuleProgress
from awsfacade.s3 import FailedKeys, S3Service

if TYPE_CHECKING:
    from awsfacade import Progress, ProgressCallback


def check_fields(progress: Progress) -> None:
    """A report's fields are typed; awsfacade.Progress is awsfacade.progress.Progress."""
    assert_type(progress, ModuleProgress)
    assert_type(progress.done, int)
    assert_type(progress.total, int | None)
    assert_type(progress.message, str)
    assert_type(progress.elapsed, float)
    assert_type(progress.timeout, float | None)


def check_callbacks(ec2: Ec2Service, s3: S3Service, reports: list[Progress]) -> None:
    """Any callable taking a Progress is a callback, whatever it returns (print, list.append,
    a function of your own)."""
    assert_type(ec2.wait_until(["i-1"], "running", on_progress=print), list[Instance])
    assert_type(s3.delete_objects("b", ["k"], on_progress=reports.append), FailedKeys)

    def show(progress: Progress) -> str:
        return progress.message

    callback: ProgressCallback = show
    assert_type(s3.delete_bucket("b", force=True, on_progress=callback), None)
