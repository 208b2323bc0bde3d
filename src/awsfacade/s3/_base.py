"""What every part of S3Service shares: the client cache (S3 is global for listing buckets),
S3's own error codes, clients for other regions built from the same options, and the
configuration for S3-compatible stores (MinIO, Ceph, Cloudflare R2, …) reached through
``endpoint_url``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Final, TypeGuard

from botocore.config import Config

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions, default_session
from awsfacade._validate import check_bool
from awsfacade.errors import InUseError, InvalidRequestError, UnexpectedResponseError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_s3 import S3Client

    from awsfacade._translate import Codes

__all__ = ["BATCH", "PAGE_SIZE", "S3Base", "compatible_config"]

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


def compatible_config(*, path_style: bool = True) -> Config:
    """A botocore `Config` for an S3-compatible store (MinIO, Ceph, Cloudflare R2, …)
    reached through `endpoint_url`.

    Since botocore 1.36 every upload carries a CRC32 checksum (`x-amz-checksum-crc32`,
    often in an `aws-chunked` body) and every download asks for one to validate; several
    stores reject or mangle that. Here both happen only where an operation requires them.
    Pass the result as `S3Service(..., config=...)`; combine it with your own through
    `Config.merge`.

    Args:
        path_style: `True` pins path-style URLs (`endpoint/bucket/key`), which stores
            without wildcard DNS need (botocore picks them for most custom endpoints today,
            but an `addressing_style` in the AWS config file would win); `False` asks for
            virtual-hosted URLs (`bucket.endpoint/key`).

    Returns:
        The configuration, to pass as `config=`.

    Raises:
        InvalidArgumentError: `path_style` is not a `bool`.
    """
    check_bool(path_style, "path_style")
    return Config(
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        s3={"addressing_style": "path" if path_style else "virtual"},
    )
