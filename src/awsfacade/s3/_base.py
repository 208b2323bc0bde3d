"""What every part of S3Service shares: the client cache (S3 is global for listing buckets),
S3's own error codes, and clients for other regions built from the same options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Final, TypeGuard

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions, default_session
from awsfacade.errors import InUseError, InvalidRequestError, UnexpectedResponseError

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.config import Config
    from mypy_boto3_s3 import S3Client

    from awsfacade._translate import Codes

__all__ = ["BATCH", "PAGE_SIZE", "S3Base"]

#: The most keys ListObjectsV2 and ListObjectVersions return a page.
PAGE_SIZE: Final = 1000
#: The most keys one DeleteObjects request may name.
BATCH: Final = 1000
#: The most buckets ListBuckets returns a page (its MaxBuckets allows 1 to 10,000).
BUCKET_PAGE_SIZE: Final = 10000


#: The entries of the listings botocore URL-decodes, and the field it decodes in each.
_NAMED_ENTRIES: Final = (
    ("Contents", "Key"),
    ("Versions", "Key"),
    ("DeleteMarkers", "Key"),
    ("CommonPrefixes", "Prefix"),
)


def _new_client(session: Session, options: ClientOptions) -> S3Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns S3Client.
    client = session.client("s3", **options)  # pyright: ignore[reportUnknownMemberType]
    for operation in ("ListObjectsV2", "ListObjectVersions"):
        client.meta.events.register_first(f"after-call.s3.{operation}", _entries_named)
    return client


def _entries_named(*, parsed: Mapping[str, object], **_: object) -> None:
    """Refuse a URL-encoded listing with an entry that has no key (an ``after-call`` hook
    that runs before botocore's): botocore asks for URL-encoded keys and then decodes
    ``entry["Key"]`` of each entry, a KeyError for one AWS sent without. AWS always names
    every entry; one without is an unexpected response."""
    if parsed.get("EncodingType") != "url":
        return
    for listing, field in _NAMED_ENTRIES:
        entries = parsed.get(listing)
        if _is_list(entries) and any(
            isinstance(entry, Mapping) and field not in entry for entry in entries
        ):
            raise UnexpectedResponseError(
                f"AWS's listing has an entry of {listing} without its field {field!r}"
            )


def _is_list(value: object) -> TypeGuard[list[object]]:
    return isinstance(value, list)


class S3Base(Service["S3Client"]):
    """The state and helpers every part of S3Service uses.

    It keeps what the service was built from, so that a bucket created in another region is
    created through a client *of that region* (a regional endpoint refuses any other
    ``LocationConstraint``), from the same cache.
    """

    __slots__ = ("_config", "_endpoint_url", "_session")

    _clients = ClientCache("s3", _new_client, global_service=True)
    #: S3's codes that the shared patterns get wrong or miss.
    _error_codes: ClassVar[Codes] = {
        # CreateBucket with a LocationConstraint its endpoint does not serve.
        "IllegalLocationConstraintException": InvalidRequestError,
        # A request to the wrong region's endpoint (HeadBucket answers a bare 301 or 400).
        "PermanentRedirect": InvalidRequestError,
        "AuthorizationHeaderMalformed": InvalidRequestError,
        "301": InvalidRequestError,
        "400": InvalidRequestError,
        # A conflicting operation on the bucket (being created or deleted) is in progress.
        "OperationAborted": InUseError,
        # An If-Match / If-None-Match condition did not hold.
        "PreconditionFailed": InvalidRequestError,
    }
    #: Object listings' page; ListBuckets pages at BUCKET_PAGE_SIZE.
    _page_size: ClassVar[int | None] = PAGE_SIZE

    def __init__(
        self,
        session: Session | None = None,
        *,
        region: str | None = None,
        endpoint_url: str | None = None,
        config: Config | None = None,
    ) -> None:
        self._session = session if session is not None else default_session()
        self._endpoint_url = endpoint_url
        self._config = config
        super().__init__(self._session, region=region, endpoint_url=endpoint_url, config=config)

    @property
    def region(self) -> str:
        """The region of the service's client.

        Returns:
            The region's name: us-east-1 when none was given anywhere.
        """
        return self._client.meta.region_name

    def _client_for(self, region: str) -> S3Client:
        """The cached client for ``region``, with the service's session, endpoint and config."""
        if region == self.region:
            return self._client
        return self._clients.get(
            self._session, region=region, endpoint_url=self._endpoint_url, config=self._config
        )
