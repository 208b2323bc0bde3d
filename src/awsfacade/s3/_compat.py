"""Settings for S3-compatible stores (MinIO, Ceph, Cloudflare R2, …) reached through
``endpoint_url``."""

from __future__ import annotations

from botocore.config import Config

from awsfacade._validate import check_bool

__all__ = ["compatible_config"]


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
