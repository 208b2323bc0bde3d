"""What every service shares: construction from a session and the typed ``client`` property."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.config import Config

    from awsfacade._clients import ClientCache

__all__ = ["Service", "TolerantEnum"]

C = TypeVar("C")


class Service(Generic[C]):
    """Base of the six services: a cached typed client for (session, region, endpoint, config)."""

    __slots__ = ("_client",)

    def __init__(
        self,
        session: Session | None = None,
        *,
        region: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
    ) -> None:
        self._client: C = self._clients().get(
            session, region=region, endpoint_url=endpoint_url, config=config
        )

    @classmethod
    def _clients(cls) -> ClientCache[C]:
        """The service's client cache; each service overrides this."""
        raise NotImplementedError  # pragma: no cover - every concrete service overrides it

    @property
    def client(self) -> C:
        """The underlying typed boto3 client: the escape hatch for what the facade lacks."""
        return self._client


class TolerantEnum(enum.Enum):
    """An enum whose unknown values parse as its ``UNKNOWN`` member instead of raising.

    AWS adds states over time; a listing must not crash on one this version does not know.
    """

    _value_: str

    @classmethod
    def _missing_(cls, value: object) -> TolerantEnum:
        return cls.__members__["UNKNOWN"]
