"""What every part of IamService shares: the client cache (IAM is global), IAM's own error
codes, the listing page size, the runner of the many-step forced deletes, and (for the type
checkers) the listings of other parts that those deletes read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, ParamSpec

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade.errors import (
    AlreadyExistsError,
    AwsError,
    InvalidRequestError,
    InvalidStateError,
    NotFoundError,
    PartialFailureError,
)

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_iam.type_defs import (
        ListRoleTagsResponseTypeDef,
        ListUserTagsResponseTypeDef,
        TagTypeDef,
    )

    from awsfacade._paging import PageConfig
    from awsfacade._progress import Reporter
    from awsfacade._translate import Codes
    from awsfacade.iam._models import AccessKey, AttachedPolicy, Group

__all__ = ["PAGE_SIZE", "IamBase", "Step", "later"]

A = ParamSpec("A")

#: The largest MaxItems IAM's list operations accept (maxItemsType).
PAGE_SIZE = 1000

#: One step of a forced delete: what it removes (for PartialFailureError) and how.
Step = tuple[str, Callable[[], object]]


def later(action: Callable[A, object], *args: A.args, **kwargs: A.kwargs) -> Callable[[], object]:
    """``action(*args, **kwargs)``, to be called later: one step of a forced delete."""
    return lambda: action(*args, **kwargs)


def _new_client(session: Session, options: ClientOptions) -> IAMClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns IAMClient.
    return session.client("iam", **options)  # pyright: ignore[reportUnknownMemberType]


class IamBase(Service["IAMClient"]):
    """The state and helpers every part of IamService uses."""

    __slots__ = ()

    _clients = ClientCache("iam", _new_client, global_service=True)
    #: IAM's codes that the shared patterns miss or get wrong.
    _error_codes: ClassVar[Codes] = {
        # Another request is changing the entity, or it is being created or deleted: retry.
        "ConcurrentModification": InvalidStateError,
        "EntityTemporarilyUnmodifiable": InvalidStateError,
        "ReportInProgress": InvalidStateError,
        # Service-linked roles: only the owning service may change them.
        "UnmodifiableEntity": InvalidRequestError,
        "PasswordPolicyViolation": InvalidRequestError,
        # AWS-managed service-role policies cannot be attached to users or groups.
        "PolicyNotAttachable": InvalidRequestError,
        "DuplicateCertificate": AlreadyExistsError,
        "DuplicateSSHPublicKey": AlreadyExistsError,
    }
    _page_size: ClassVar[int | None] = PAGE_SIZE

    if TYPE_CHECKING:
        # Each part of IamService derives from this class alone; the forced deletes of users
        # and roles read these listings of other parts, which IamService combines.
        def access_keys(self, user: str) -> Iterator[AccessKey]: ...
        def attached_user_policies(self, user: str) -> Iterator[AttachedPolicy]: ...
        def attached_role_policies(self, role: str) -> Iterator[AttachedPolicy]: ...
        def groups_for_user(self, user: str) -> Iterator[Group]: ...

    def _tags_of(
        self,
        paginate: Callable[
            [PageConfig], Iterable[ListUserTagsResponseTypeDef | ListRoleTagsResponseTypeDef]
        ],
    ) -> list[TagTypeDef] | None:
        """Every tag a ``List…Tags`` paginator yields; ``None`` if the entity is gone already
        (deleted while it was being listed)."""
        try:
            return list(self._list(paginate, lambda page: page.get("Tags", []), _same))
        except NotFoundError:
            return None

    def _run_steps(
        self,
        operation: str,
        steps: Sequence[Step],
        done: list[str],
        *,
        last: str,
        report: Reporter,
    ) -> None:
        """Run ``steps`` in order, adding each to ``done`` and reporting it. A step whose
        target is already gone (NotFoundError: a concurrent delete) counts as done. Any other
        error stops the run: PartialFailureError names what was done and what was not (the
        failed step first, ``last``, the entity itself, at the end)."""
        total = len(done) + len(steps) + (0 if steps and steps[-1][0] == last else 1)
        for index, (label, action) in enumerate(steps):
            try:
                with self._translate():
                    action()
            except NotFoundError:
                pass
            except AwsError as error:
                not_done = tuple(name for name, _ in steps[index:])
                if not_done[-1] != last:
                    not_done += (last,)
                raise PartialFailureError(
                    operation, done=tuple(done), not_done=not_done, error=error
                ) from error
            done.append(label)
            report(len(done), total, f"{'deleted' if label == last else 'removed'} {label}")


def _same(tag: TagTypeDef) -> TagTypeDef:
    """The converter of a listing whose items need none."""
    return tag
