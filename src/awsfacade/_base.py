"""What every service shares: construction from a session, the typed ``client`` property,
the service's error codes, and the state enums: their tolerant parse of AWS's answers and their
strict parse of what users pass."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from awsfacade._boundary import check_public_methods
from awsfacade._paging import PageConfig, listing
from awsfacade._translate import NO_CODES, translate
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from boto3.session import Session
    from botocore.config import Config

    from awsfacade._clients import ClientCache
    from awsfacade._translate import Codes

__all__ = ["Service", "StateEnum", "state_parser", "user_state"]

C = TypeVar("C")
P = TypeVar("P")
T = TypeVar("T")
M = TypeVar("M")
E = TypeVar("E", bound="StateEnum")


class Service(Generic[C]):
    """Base of the six services: a cached typed client for (session, region, endpoint, config).

    A concrete service declares, as class attributes, its ``_clients`` cache (which names the
    AWS service and whether it is global), the exact ``_error_codes`` only it sends, and the
    ``_page_size`` its listings ask for (the largest its list operations allow).
    """

    __slots__ = ("_client",)

    _clients: ClientCache[C]
    _error_codes: ClassVar[Codes] = NO_CODES
    _page_size: ClassVar[int | None] = None

    def __init_subclass__(cls) -> None:
        """Give every public method of the subclass (a service or one of its mixins) the
        argument type check of its annotations (``awsfacade._boundary.check_types``)."""
        super().__init_subclass__()
        check_public_methods(cls)

    def __init__(
        self,
        session: Session | None = None,
        *,
        region: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
    ) -> None:
        self._client: C = self._clients.get(
            session, region=region, endpoint_url=endpoint_url, config=config
        )

    @property
    def client(self) -> C:
        """The underlying typed boto3 client: the escape hatch for what the facade lacks.

        The client the service's own methods use, created once per (session, AWS service,
        region, endpoint, config) and shared by every service built alike; it is typed with
        the boto3-stubs client class (`mypy_boto3_ec2.EC2Client`, …), so its calls and answers
        type-check. Its calls raise botocore's exceptions; inside `translate_errors()` they
        raise the facade's own instead.

        Returns:
            The typed client, in the service's region and endpoint.
        """
        return self._client

    def translate_errors(self) -> AbstractContextManager[None]:
        """A context manager that gives raw calls on `client` the facade's error family.

        botocore's exceptions raised in the block become the
        [AwsError][awsfacade.errors.AwsError] subclass this service's own methods raise for
        them (chosen with this service's error codes), with botocore's exception as
        `__cause__`; anything else passes through untouched:

        ```python
        with ec2.translate_errors():
            ec2.client.describe_instance_status(InstanceIds=[instance_id])
        ```

        Returns:
            A context manager; each `with` block translates what is raised inside it.
        """
        return translate(self._error_codes)

    def _translate(self) -> AbstractContextManager[None]:
        """Translate botocore's exceptions raised in the block, with this service's codes."""
        return self.translate_errors()

    def _list(
        self,
        paginate: Callable[[PageConfig], Iterable[P]],
        extract: Callable[[P], Iterable[T]],
        convert: Callable[[T], M],
        *,
        page_size: int | None = None,
        ids: Sequence[object] | None = None,
        selectors: Sequence[Sequence[object] | None] = (),
    ) -> Iterator[M]:
        """A listing (see ``awsfacade._paging.listing``) at ``page_size``, else the
        service's ``_page_size``; with no page size beside a list of ``ids`` (EC2 refuses
        MaxResults there; other services take ids one at a time)."""
        size = page_size or self._page_size
        return listing(
            paginate,
            extract,
            convert,
            page_size=None if ids is not None else size,
            selectors=(ids, *selectors),
            codes=self._error_codes,
        )


class StateEnum(enum.StrEnum):
    """A state AWS reports: a ``StrEnum`` whose values AWS has not invented yet parse as
    ``UNKNOWN`` instead of raising, so a listing never crashes on a new state.

    Members compare and print as AWS's strings (``state == "running"``). Every subclass must
    declare ``UNKNOWN``; models that hold a state keep AWS's raw string beside it.
    """

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if "UNKNOWN" not in cls.__members__:
            raise TypeError(f"{cls.__name__} must declare an UNKNOWN member")

    @classmethod
    def _missing_(cls, value: object) -> StateEnum:
        return cls.__members__["UNKNOWN"]


def state_parser(enum: type[E]) -> Callable[[str], E]:
    """``enum(value)`` for converters: the member whose value is ``value``, ``UNKNOWN`` for
    any other, by one dict look-up. Enum's own call costs ten times more (and a new state
    goes through ``_missing_``); a listing parses one state an item."""
    members: dict[str, E] = {member.value: member for member in enum}
    unknown = enum.__members__["UNKNOWN"]

    def parse(value: str) -> E:
        return members.get(value, unknown)

    return parse


def user_state(cls: type[E], value: object, what: str) -> E:
    """The state a user names, as a member of ``cls`` or by AWS's string (``"running"``).

    Anything else raises ``InvalidArgumentError`` listing the valid values: a string
    that is no state's (``"Running"``), a member of another state enum, and ``UNKNOWN``,
    which stands for states this version does not know and cannot be asked for.
    """
    known = {member.value: member for member in cls if member.name != "UNKNOWN"}
    if isinstance(value, str) and (isinstance(value, cls) or not isinstance(value, enum.Enum)):
        member = known.get(value)
        if member is not None:
            return member
    valid = ", ".join(repr(name) for name in known)
    raise InvalidArgumentError(
        f"{what} must be one of {valid} (or a {cls.__name__} member), not {value!r}"
    )
