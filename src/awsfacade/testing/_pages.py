"""AWS's page sizes: `Realism(aws_page_sizes=True)`.

moto answers most listings in one piece or in pages of its own size whatever the request's
``MaxResults``/``MaxItems``/``MaxRecords`` says; AWS answers at most that many items (or its
default page size when none is given) and a token for the rest. Here every client of the
session answers a covered listing as AWS would: it fetches the complete result from moto
(following moto's own tokens), then answers the page AWS would, with a continuation token of
its own (opaque, deterministic, bound to the request's other parameters; a foreign token gets
AWS's invalid-token error), and rejects a page size out of AWS's range with AWS's error.

How: a ``creating-client-class`` handler puts :class:`_AwsPages` first among the bases of the
session's clients of the six services. It overrides ``BaseClient._make_request``, the step
after the ``before-call`` event where botocore sends the request: so the ``before-call`` and
``after-call`` handlers (the facade's log lines, a test's counters, another switch's answer)
see one call, as AWS would, and the moto requests behind a page go through the endpoint
(``before-send``: moto, a fault) unseen by them. A ``before-parameter-build`` handler keeps
the call's parameters in its context for it. A ``before-call`` handler cannot do the job: it is
not given the client, so it cannot ask moto for the other pages.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Literal, TypeGuard, TypeVar

import attrs
from botocore.awsrequest import AWSResponse
from botocore.client import BaseClient

from awsfacade.testing._wire import stored_answer

if TYPE_CHECKING:
    from botocore.hooks import BaseEventHooks
    from botocore.loaders import Loader
    from botocore.model import OperationModel, Shape

__all__ = ["COVERED_SERVICES", "Listing", "install", "listing_of"]

#: The services whose listings are paged as AWS pages them (botocore's hyphenized service ids).
COVERED_SERVICES: Final = ("ec2", "iam", "rds", "auto-scaling", "route-53", "s3")
_SERVICE_IDS: Final = {
    "ec2": "ec2",
    "iam": "iam",
    "rds": "rds",
    "autoscaling": "auto-scaling",
    "route53": "route-53",
    "s3": "s3",
}
#: Where the call's parameters wait in botocore's request context for ``_make_request``.
_PARAMS: Final = "awsfacade_aws_page_sizes_params"
_TOKEN_PREFIX: Final = "afp1."

E = TypeVar("E")
Kind = Literal["flat", "reservations", "objects", "records"]
Parsed = dict[str, object]
Answer = tuple[AWSResponse, Parsed]
Send = Callable[[Mapping[str, object]], Answer]


@attrs.frozen
class Listing:
    """How AWS pages one operation: botocore's paginator model plus AWS's documented sizes."""

    operation: str
    service: str
    input_token: str
    output_token: str
    limit_key: str
    result_key: str
    more_results: str | None
    low: int | None
    high: int | None
    default: int | None
    """The page size without a limit in the request; ``None``: everything in one page."""
    over: Literal["error", "clamp"]
    """A limit above ``high``: AWS's error, or (Route53, S3) a page of ``high``."""
    limit_error: str
    token_error: str
    kind: Kind = "flat"
    limit_is_string: bool = False


def _error(code: str, message: str) -> Answer:
    """AWS's client error answer (HTTP 400) as botocore parses it."""
    http = stored_answer(400, {}, b"")
    parsed: Parsed = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": 400, "HTTPHeaders": {}, "RetryAttempts": 0},
    }
    return http, parsed


# --- AWS's sizes --------------------------------------------------------------------------

#: AWS's error code for a page size out of range, and for a token it did not send, per service.
_ERRORS: Final = {
    "ec2": ("InvalidParameterValue", "InvalidPaginationToken"),
    "iam": ("ValidationError", "ValidationError"),
    "rds": ("InvalidParameterValue", "InvalidParameterValue"),
    "autoscaling": ("ValidationError", "InvalidNextToken"),
    "route53": ("InvalidInput", "InvalidInput"),
    "s3": ("InvalidArgument", "InvalidArgument"),
}
#: Operations whose sizes AWS documents outside the models (low, high, default, over).
_SIZES: Final[Mapping[tuple[str, str], tuple[int, int, int | None, Literal["error", "clamp"]]]] = {
    ("ec2", "DescribeInstances"): (5, 1000, None, "error"),
    ("ec2", "DescribeImages"): (5, 1000, None, "error"),
    ("ec2", "DescribeVolumes"): (5, 500, None, "error"),
    ("ec2", "DescribeSnapshots"): (5, 1000, None, "error"),
    ("route53", "ListHostedZones"): (1, 100, 100, "clamp"),
    ("route53", "ListHealthChecks"): (1, 1000, 100, "clamp"),
    ("route53", "ListResourceRecordSets"): (1, 300, 300, "clamp"),
    ("s3", "ListObjectsV2"): (0, 1000, 1000, "clamp"),
    ("s3", "ListBuckets"): (1, 10000, None, "error"),
}
#: Route53's and S3's listings covered: the others keep moto's answers.
_ONLY: Final = {
    "route53": frozenset({"ListHostedZones", "ListHealthChecks", "ListResourceRecordSets"}),
    "s3": frozenset({"ListObjectsV2", "ListBuckets"}),
}
_KINDS: Final[Mapping[tuple[str, str], Kind]] = {
    ("ec2", "DescribeInstances"): "reservations",
    ("s3", "ListObjectsV2"): "objects",
    ("route53", "ListResourceRecordSets"): "records",
}
_NUMBER = r"(\d[\d,]*)"  # "1,000"
_RANGE_DOCS: Final = (
    re.compile(rf"between {_NUMBER} and {_NUMBER}"),
    re.compile(rf"[Mm]inimum {_NUMBER}, maximum {_NUMBER}"),
    re.compile(rf"[Vv]alid range is {_NUMBER} to {_NUMBER}"),
)
_AUTOSCALING_DOC: Final = re.compile(r"default value is (\d+) and the maximum value is (\d+)")
_AUTOSCALING_MAX_DOC: Final = re.compile(r"maximum value is (\d+)")


def _documented(
    service: str, operation: str, limit: Shape
) -> tuple[int | None, int | None, int | None]:
    """AWS's (low, high, default) for a limit member: the model's min/max, else its docs."""
    low = limit.metadata.get("min")
    high = limit.metadata.get("max")
    doc = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", limit.documentation))
    if high is None:
        for pattern in _RANGE_DOCS:
            found = pattern.search(doc)
            if found is not None:
                low, high = int(found[1].replace(",", "")), int(found[2].replace(",", ""))
                break
    default: int | None = None
    if service in ("iam", "rds"):
        default = 100  # "the number of items defaults to 100", "Default: 100"
    elif service == "autoscaling":
        found = _AUTOSCALING_DOC.search(doc)
        if found is not None:
            default, high = int(found[1]), int(found[2])
        else:
            found = _AUTOSCALING_MAX_DOC.search(doc)
            if found is not None:
                default = high = int(found[1])
        low = 1 if low is None else low
    del operation
    return (
        low if isinstance(low, int) else None,
        high if isinstance(high, int) else None,
        default,
    )


def _single(value: object) -> str | None:
    """A paginator model's token or result key if it is one plain member name."""
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z]+", value):
        return value
    return None


def listing_of(model: OperationModel, config: Mapping[str, object] | None) -> Listing | None:
    """How AWS pages ``model``'s operation, or ``None`` if this switch leaves it to moto.

    ``config`` is the operation's entry in botocore's ``paginators-1.json``.
    """
    service = model.service_model.service_name
    operation = model.name
    if service not in _SERVICE_IDS or config is None:
        return None
    if service in _ONLY and operation not in _ONLY[service]:
        return None
    kind: Kind = _KINDS.get((service, operation), "flat")
    limit_key = _single(config.get("limit_key"))
    # ListObjectsV2's keys and common prefixes are paged together (see _objects).
    result_key = "Contents" if kind == "objects" else _single(config.get("result_key"))
    input_shape = model.input_shape
    if limit_key is None or result_key is None or input_shape is None:
        return None
    limit = input_shape.members.get(limit_key)
    output_shape = model.output_shape
    results = output_shape.members.get(result_key) if output_shape is not None else None
    if limit is None or results is None or results.type_name != "list":
        return None
    if kind == "records":
        input_token = output_token = "StartRecordName"
    else:
        found_in = _single(config.get("input_token"))
        found_out = _single(config.get("output_token"))
        if found_in is None or found_out is None:
            return None
        input_token, output_token = found_in, found_out
    more = _single(config.get("more_results"))
    low: int | None
    high: int | None
    over: Literal["error", "clamp"] = "error"
    if (service, operation) in _SIZES:
        low, high, default, over = _SIZES[(service, operation)]
    else:
        low, high, default = _documented(service, operation, limit)
    limit_error, token_error = _ERRORS[service]
    errors = {shape.name for shape in model.error_shapes}
    for name in ("InvalidNextToken", "InvalidPaginationToken"):
        if name in errors:
            token_error = name
    return Listing(
        operation=operation,
        service=service,
        input_token=input_token,
        output_token=output_token,
        limit_key=limit_key,
        result_key=result_key,
        more_results=more,
        low=low,
        high=high,
        default=default,
        over=over,
        limit_error=limit_error,
        token_error=token_error,
        kind=kind,
        limit_is_string=limit.type_name == "string",
    )


@functools.lru_cache(maxsize=64)
def _paginators(loader: Loader, service: str, api_version: str) -> Mapping[str, object]:
    """botocore's paginator model of a service (``{}`` if it has none)."""
    try:
        model: object = loader.load_service_model(service, "paginators-1", api_version)
    except Exception:  # botocore's DataNotFoundError: a service with no paginators
        return {}
    pagination = model.get("pagination") if _is_map(model) else None
    return pagination if _is_map(pagination) else {}


_listings: dict[tuple[str, str, str], Listing | None] = {}


def _listing_cached(model: OperationModel, loader: Loader) -> Listing | None:
    """``listing_of`` an operation, worked out once per process."""
    service_model = model.service_model
    key = (service_model.service_name, service_model.api_version, model.name)
    if key not in _listings:
        pages = _paginators(loader, service_model.service_name, service_model.api_version)
        config = pages.get(model.name)
        _listings[key] = listing_of(model, config if _is_map(config) else None)
    return _listings[key]


# --- Tokens -------------------------------------------------------------------------------


def _digest(listing: Listing, params: Mapping[str, object]) -> str:
    """What a token is bound to: the operation and the request's other parameters."""
    rest = {
        key: value
        for key, value in params.items()
        if key not in (listing.input_token, listing.limit_key)
        and not (listing.kind == "records" and key.startswith("StartRecord"))
    }
    text = json.dumps([listing.operation, rest], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _token(listing: Listing, params: Mapping[str, object], offset: int) -> str:
    raw = f"{offset}:{_digest(listing, params)}".encode()
    return _TOKEN_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _offset(listing: Listing, params: Mapping[str, object], token: object) -> int | None:
    """Where a token of ours resumes, or ``None`` if it is not one for this request."""
    if not isinstance(token, str) or not token.startswith(_TOKEN_PREFIX):
        return None
    body = token[len(_TOKEN_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    offset, _, digest = raw.partition(":")
    if not offset.isdigit() or digest != _digest(listing, params):
        return None
    return int(offset)


# --- Page sizes ---------------------------------------------------------------------------


def _limit_message(listing: Listing, value: object) -> str:
    low, high = listing.low, listing.high
    if listing.service == "ec2":
        return (
            f"Value ( {value} ) for parameter maxResults is invalid. "
            f"Expecting a value between {low} and {high}."
        )
    if listing.service == "rds":
        return f"Invalid value {value} for {listing.limit_key}. Must be between {low} and {high}"
    member = listing.limit_key[0].lower() + listing.limit_key[1:]
    if low is not None and isinstance(value, int) and value < low:
        bound = f"greater than or equal to {low}"
    else:
        bound = f"less than or equal to {high}"
    return (
        f"1 validation error detected: Value '{value}' at '{member}' failed to satisfy "
        f"constraint: Member must have value {bound}"
    )


def _page_size(listing: Listing, params: Mapping[str, object]) -> int | Answer | None:
    """The page size AWS answers the request with (``None``: every item), or AWS's error."""
    given = params.get(listing.limit_key)
    if given is None:
        return listing.default
    value: int
    if isinstance(given, int) and not isinstance(given, bool):
        value = given
    elif isinstance(given, str) and re.fullmatch(r"-?\d+", given.strip()):
        value = int(given.strip())
    else:
        return _error(listing.limit_error, _limit_message(listing, given))
    if listing.low is not None and value < listing.low:
        return _error(listing.limit_error, _limit_message(listing, value))
    if listing.high is not None and value > listing.high:
        if listing.over == "clamp":
            return listing.high
        return _error(listing.limit_error, _limit_message(listing, value))
    return value


# --- Answers ------------------------------------------------------------------------------


def _is_map(value: object) -> TypeGuard[Mapping[str, object]]:
    """A parsed structure (botocore parses every structure into a dict with str keys)."""
    return isinstance(value, dict)


def _is_list(value: object) -> TypeGuard[list[object]]:
    """A parsed list."""
    return isinstance(value, list)


def _items(parsed: Mapping[str, object], key: str) -> list[object]:
    found = parsed.get(key)
    return list(found) if _is_list(found) else []


def _everything(listing: Listing, base: Mapping[str, object], send: Send) -> Answer | list[Answer]:
    """Every page moto answers for ``base``, following moto's own tokens; or moto's error."""
    pages: list[Answer] = []
    seen: set[str] = set()
    params = dict(base)
    while True:
        http, parsed = send(params)
        if http.status_code >= 300:
            return http, parsed
        pages.append((http, parsed))
        if listing.kind == "records":
            following = {
                name: parsed.get(f"Next{name[len('Start') :]}")
                for name in ("StartRecordName", "StartRecordType", "StartRecordIdentifier")
            }
            token = following["StartRecordName"]
            if not parsed.get("IsTruncated") or not isinstance(token, str):
                return pages
            key = json.dumps(following, sort_keys=True)
            params = dict(base) | {k: v for k, v in following.items() if isinstance(v, str)}
        else:
            token = parsed.get(listing.output_token)
            if listing.more_results is not None and not parsed.get(listing.more_results):
                return pages
            if not isinstance(token, str) or not token:
                return pages
            key = token
            params = dict(base) | {listing.input_token: token}
        if key in seen:  # moto named a page it had answered already: stop there
            return pages
        seen.add(key)


def _flat(listing: Listing, pages: Sequence[Answer]) -> list[object]:
    every: list[object] = []
    for _, parsed in pages:
        every.extend(_items(parsed, listing.result_key))
    return every


def _instances(pages: Sequence[Answer]) -> list[tuple[Mapping[str, object], object]]:
    """DescribeInstances' instances, each with its reservation: AWS's MaxResults counts them."""
    every: list[tuple[Mapping[str, object], object]] = []
    for _, parsed in pages:
        for reservation in _items(parsed, "Reservations"):
            if _is_map(reservation):
                every.extend(
                    (reservation, instance) for instance in _items(reservation, "Instances")
                )
    return every


def _reservations(chosen: Sequence[tuple[Mapping[str, object], object]]) -> list[object]:
    """Instances regrouped in their reservations (one split over two pages is in both)."""
    grouped: list[object] = []
    last: Mapping[str, object] | None = None
    current: list[object] = []
    for reservation, instance in chosen:
        if reservation is not last:
            current = []
            grouped.append(dict(reservation) | {"Instances": current})
            last = reservation
        current.append(instance)
    return grouped


def _name_of(item: object, field: str, encoded: bool) -> str:
    from urllib.parse import unquote

    value = item.get(field) if _is_map(item) else None
    text = value if isinstance(value, str) else ""
    return unquote(text) if encoded else text


def _objects(pages: Sequence[Answer], encoded: bool) -> list[tuple[str, str, object]]:
    """ListObjectsV2's keys and common prefixes in one order: both count toward MaxKeys."""
    every: list[tuple[str, str, object]] = []
    for _, parsed in pages:
        every.extend(
            (_name_of(item, "Key", encoded), "Contents", item)
            for item in _items(parsed, "Contents")
        )
        every.extend(
            (_name_of(item, "Prefix", encoded), "CommonPrefixes", item)
            for item in _items(parsed, "CommonPrefixes")
        )
    every.sort(key=lambda entry: entry[0])
    # A prefix moto repeats on two of its pages is one prefix.
    unique: list[tuple[str, str, object]] = []
    for entry in every:
        if entry[1] == "CommonPrefixes" and unique and unique[-1][:2] == entry[:2]:
            continue
        unique.append(entry)
    return unique


def _slice(entries: Sequence[E], start: int, size: int | None) -> tuple[Sequence[E], int, bool]:
    """The page from ``start``: its entries, where the next one starts, whether there is one."""
    end = len(entries) if size is None else start + size
    return entries[start:end], end, end < len(entries) and size != 0


def _answer(listing: Listing, params: Mapping[str, object], send: Send) -> Answer:
    """The page AWS answers ``params`` with, from moto's complete answer."""
    size = _page_size(listing, params)
    if isinstance(size, tuple):
        return size
    start = 0
    token = params.get(listing.input_token)
    if token is not None and listing.kind != "records":
        offset = _offset(listing, params, token)
        if offset is None:
            return _error(listing.token_error, _token_message(listing))
        start = offset
    base = {
        key: value
        for key, value in params.items()
        if key not in (listing.input_token, listing.limit_key)
    }
    if listing.kind == "records":
        base = dict(params)
        base.pop(listing.limit_key, None)
    fetched = _everything(listing, base, send)
    if isinstance(fetched, tuple):
        return fetched
    http, first = fetched[0]
    parsed: Parsed = dict(first)
    if listing.kind == "reservations":
        instances, end, more = _slice(_instances(fetched), start, size)
        parsed["Reservations"] = _reservations(instances)
    elif listing.kind == "objects":
        objects, end, more = _slice(
            _objects(fetched, params.get("EncodingType") == "url"), start, size
        )
        _objects_page(parsed, objects, size)
    else:
        every = _flat(listing, fetched)
        chosen, end, more = _slice(every, start, size)
        parsed[listing.result_key] = list(chosen)
        if listing.kind == "records":
            _records_next(parsed, every[end] if more else None)
    if listing.kind != "records":
        if more:
            parsed[listing.output_token] = _token(listing, params, end)
        else:
            parsed.pop(listing.output_token, None)
    if listing.more_results is not None:
        parsed[listing.more_results] = more
    _echo(listing, parsed, params, size)
    return http, parsed


def _objects_page(
    parsed: Parsed, chosen: Sequence[tuple[str, str, object]], size: int | None
) -> None:
    contents: list[object] = []
    prefixes: list[object] = []
    for _, where, item in chosen:
        (contents if where == "Contents" else prefixes).append(item)
    for key, value in (("Contents", contents), ("CommonPrefixes", prefixes)):
        if value:
            parsed[key] = value
        else:
            parsed.pop(key, None)
    parsed["KeyCount"] = len(contents) + len(prefixes)
    parsed["MaxKeys"] = size


def _records_next(parsed: Parsed, following: object) -> None:
    """Route53's next-record fields: the name, type (and set identifier) of the next record."""
    for name in ("NextRecordName", "NextRecordType", "NextRecordIdentifier"):
        parsed.pop(name, None)
    if not _is_map(following):
        return
    for field in ("Name", "Type", "SetIdentifier"):
        value = following.get(field)
        if isinstance(value, str):
            target = "NextRecordIdentifier" if field == "SetIdentifier" else f"NextRecord{field}"
            parsed[target] = value


def _echo(listing: Listing, parsed: Parsed, params: Mapping[str, object], size: int | None) -> None:
    """The request's token and page size, where the answer repeats them (Route53, S3)."""
    members = listing.output_token, listing.more_results
    if listing.kind == "records" or listing.input_token in members:
        pass
    elif listing.service in ("route53", "s3"):
        token = params.get(listing.input_token)
        if token is None:
            parsed.pop(listing.input_token, None)
        else:
            parsed[listing.input_token] = token
    if listing.service == "route53" and size is not None:
        parsed[listing.limit_key] = str(size)


def _token_message(listing: Listing) -> str:
    if listing.service == "s3":
        return "The continuation token provided is incorrect"
    return f"Invalid {listing.input_token}: it was not returned by {listing.operation}"


# --- Wiring -------------------------------------------------------------------------------

# BaseClient's own steps (private to botocore; botocore-stubs declare none of them).
_SEND_REQUEST: Final = vars(BaseClient)["_make_request"]
_SERIALIZE: Final = vars(BaseClient)["_convert_to_request_dict"]
_ENDPOINT: Final = vars(BaseClient)["_resolve_endpoint_ruleset"]


class _AwsPages(BaseClient):
    """A client of a session with ``aws_page_sizes``: its covered listings page as AWS's."""

    def _make_request(
        self,
        operation_model: OperationModel,
        request_dict: dict[str, object],
        request_context: dict[str, object],
    ) -> Answer:
        params = request_context.get(_PARAMS)
        loader = vars(self).get("_loader")
        listing = (
            _listing_cached(operation_model, loader)
            if _is_map(params) and loader is not None
            else None
        )
        if listing is None or not _is_map(params):
            answer: Answer = _SEND_REQUEST(self, operation_model, request_dict, request_context)
            return answer

        def send(inner: Mapping[str, object]) -> Answer:
            context = dict(request_context)
            context.pop(_PARAMS, None)
            endpoint_url, headers, properties = _ENDPOINT(self, operation_model, inner, context)
            if properties:
                context["endpoint_properties"] = properties
            request = _SERIALIZE(
                self,
                api_params=dict(inner),
                operation_model=operation_model,
                endpoint_url=endpoint_url,
                context=context,
                headers=headers,
            )
            sent: Answer = _SEND_REQUEST(self, operation_model, request, context)
            return sent

        return _answer(listing, params, send)


def _add_pages(base_classes: list[type], **_: object) -> None:
    """``creating-client-class``: the session's clients of this service page as AWS's."""
    base_classes.insert(0, _AwsPages)


def _keep_params(params: dict[str, object], context: dict[str, object], **_: object) -> None:
    """``before-parameter-build``: the call's parameters, for ``_AwsPages._make_request``."""
    context[_PARAMS] = params


def install(events: BaseEventHooks) -> None:
    """Register the handlers on a session's event emitter (its clients made from now on)."""
    for service_id in COVERED_SERVICES:
        events.register(f"creating-client-class.{service_id}", _add_pages)
        events.register_last(f"before-parameter-build.{service_id}", _keep_params)
