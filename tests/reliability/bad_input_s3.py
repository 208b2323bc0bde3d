"""S3Service's bad calls (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Method, add_cases

#: A file that exists, to upload; and one in an existing folder, to download to.
UPLOAD: Final = __file__
DOWNLOAD: Final = __file__ + ".download"
_BUCKET: Final = {"bucket": "data", "key": "a.txt"}
_NAME: Final = {"name": "data"}
_OBJECT: Final = [
    Bad("bucket", ""),
    Bad("bucket", "data/a"),
    Bad("bucket", "b" * 256),
    Bad("key", ""),
    Bad("key", "k" * 1025),
    Bad("key", "é" * 513),
]
_BUCKET_ONLY: Final = [Bad("name", ""), Bad("name", "data/a")]
_METADATA: Final = [
    Bad("metadata", {"": "v"}),
    Bad("metadata", {"naïve": "v"}),
    Bad("metadata", {"k": "vé"}),
    Bad("metadata", {"k": "v" * 2048}),
    Bad("content_type", "text"),
    Bad("content_type", ""),
]

S3: Final[dict[str, Method]] = {
    "create_bucket": Method(
        {"name": "data-2024", "region": "eu-west-1"},
        [
            Bad("name", "ab"),
            Bad("name", "b" * 64),
            Bad("name", "Data"),
            Bad("name", "data_2024"),
            Bad("name", "-data"),
            Bad("name", "data..2024"),
            Bad("name", "192.168.1.1"),
            Bad("region", ""),
        ],
    ),
    "buckets": Method({"prefix": "data"}, [Bad("prefix", "")]),
    "bucket_exists": Method(_NAME, _BUCKET_ONLY),
    "delete_bucket": Method(_NAME, _BUCKET_ONLY),
    "bucket_acl": Method(_NAME, _BUCKET_ONLY),
    "bucket_encryption": Method(_NAME, _BUCKET_ONLY),
    "bucket_tags": Method(_NAME, _BUCKET_ONLY),
    "bucket_versioning": Method(_NAME, _BUCKET_ONLY),
    "public_access_block": Method(_NAME, _BUCKET_ONLY),
    "set_bucket_tags": Method(
        {"name": "data", "tags": {"team": "a"}},
        [
            *_BUCKET_ONLY,
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "set_versioning": Method({"name": "data", "enabled": True}, _BUCKET_ONLY),
    "put_object": Method(
        {**_BUCKET, "body": b"hello"},
        [*_OBJECT, *_METADATA, Bad("body", ["hello"]), Bad("body", 3.5)],
    ),
    "get_object": Method(_BUCKET, _OBJECT),
    "stream_object": Method(_BUCKET, [*_OBJECT, Bad("chunk_size", 0), Bad("chunk_size", -1)]),
    "head_object": Method(_BUCKET, _OBJECT),
    "object_exists": Method(_BUCKET, _OBJECT),
    "delete_object": Method(_BUCKET, _OBJECT),
    "objects": Method(
        {"bucket": "data", "prefix": "logs/", "start_after": "logs/a", "delimiter": "/"},
        [
            Bad("bucket", ""),
            Bad("prefix", "p" * 1025),
            Bad("start_after", ""),
            Bad("delimiter", ""),
        ],
    ),
    "delete_objects": Method(
        {"bucket": "data", "keys": ["a", "b"]},
        [Bad("bucket", ""), Bad("keys", ["a", ""]), Bad("keys", iter(["a", 1]))],
    ),
    "copy_object": Method(
        {"source_bucket": "data", "source_key": "a", **_BUCKET},
        [
            Bad("source_bucket", ""),
            Bad("source_bucket", "data/a"),
            Bad("source_key", ""),
            *_OBJECT,
            *_METADATA,
        ],
    ),
    "upload_file": Method(
        {"path": UPLOAD, **_BUCKET},
        [
            *_OBJECT,
            *_METADATA,
            Bad("path", ""),
            Bad("path", UPLOAD + ".missing"),
            Bad("path", "/"),
        ],
    ),
    "download_file": Method(
        {**_BUCKET, "path": DOWNLOAD},
        [*_OBJECT, Bad("path", ""), Bad("path", "/no/such/folder/file"), Bad("path", "/")],
    ),
    "presigned_url": Method(
        _BUCKET,
        [*_OBJECT, Bad("expires_in", 0), Bad("expires_in", 604801)],
    ),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(S3, ["set_bucket_tags"], Bad("tags", TOO_MANY_TAGS))
