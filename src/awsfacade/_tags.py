"""Tags: ``Mapping[str, str]`` in and out, AWS's ``[{"Key": …, "Value": …}]`` lists inside."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypedDict

from awsfacade.errors import InvalidArgumentError

__all__ = ["Tags", "as_tags", "filters", "to_aws", "validate", "validate_keys"]

MAX_KEY_LENGTH = 128
MAX_VALUE_LENGTH = 256
#: The most tags one resource may carry, in every service the facade covers (EC2, S3 buckets,
#: IAM, RDS, Auto Scaling groups: 50 each, per their tagging documentation).
MAX_TAGS = 50


class Tags(Mapping[str, str]):
    """An immutable, hashable tag mapping, so that frozen models holding tags stay hashable.

    Every model's `tags` is one (importable as `awsfacade.Tags`): a `Mapping[str, str]` of
    tag key to value, never AWS's list of `{"Key": …, "Value": …}` entries. It compares equal
    to a dict of the same items (`instance.tags == {"env": "dev"}`); a model built by hand may
    be given a dict, which becomes one. Any mapping or iterable of pairs builds one.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._data: dict[str, str] = dict(data)
        self._hash: int | None = None

    @classmethod
    def from_aws(cls, tags: Iterable[Mapping[str, object]] | None) -> Tags:
        """Tags from an AWS tag list (`[{"Key": "env", "Value": "dev"}]`).

        Entries without a string key are skipped; a missing or non-string value reads as `""`.

        Returns:
            The tags; an empty `Tags` for `None` or an empty list.
        """
        if not tags:
            return _EMPTY
        pairs: dict[str, str] = {}
        for tag in tags:
            key = tag.get("Key")
            value = tag.get("Value")
            if isinstance(key, str):
                pairs[key] = value if isinstance(value, str) else ""
        # The new dict is the mapping's own: no second copy (once an item of a listing).
        built = cls.__new__(cls)
        built._data = pairs
        built._hash = None
        return built

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"Tags({self._data!r})"


_EMPTY = Tags()


def as_tags(tags: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> Tags:
    """``tags`` as `Tags`, without copying what already is (the models' converter)."""
    return tags if isinstance(tags, Tags) else Tags(tags)


def validate(tags: Mapping[str, str] | None, *, reading: bool = False, what: str = "tags") -> Tags:
    """The tags, checked against AWS's rules before any request is sent; messages name the
    argument, ``what``.

    ``reading``: tags to match in a filter, where AWS's own ``aws:`` keys are allowed.
    """
    if tags is None:
        return _EMPTY
    if not isinstance(tags, Mapping):
        raise InvalidArgumentError(
            f"{what} must be a mapping of key to value, not {type(tags).__name__}"
        )
    if not reading and len(tags) > MAX_TAGS:
        raise InvalidArgumentError(
            f"{what}: AWS allows at most {MAX_TAGS} tags on a resource, not {len(tags)}"
        )
    validate_keys(tags.keys(), reading=reading, what=what)
    values: Mapping[str, object] = tags
    for key, value in values.items():
        if not isinstance(value, str):
            raise InvalidArgumentError(f"{what}: tag {key!r} has a non-string value: {value!r}")
        if len(value) > MAX_VALUE_LENGTH:
            raise InvalidArgumentError(
                f"{what}: tag {key!r} has a value longer than {MAX_VALUE_LENGTH} characters"
            )
    return Tags(tags)


def validate_keys(
    keys: Iterable[object], *, reading: bool = False, what: str = "keys"
) -> tuple[str, ...]:
    """Tag keys, checked against AWS's rules: non-empty strings of at most 128 characters,
    and, unless only ``reading`` (matching), not starting with the reserved ``aws:``."""
    if isinstance(keys, str | bytes):
        raise InvalidArgumentError(f"{what} must be a list of tag keys, not one string {keys!r}")
    if not isinstance(keys, Iterable):
        raise InvalidArgumentError(f"{what} must be a list of tag keys, not {keys!r}")
    checked: list[str] = []
    for key in keys:  # pyright: ignore[reportUnknownVariableType] - each checked below
        if not isinstance(key, str) or not key:
            raise InvalidArgumentError(f"{what}: tag keys must be non-empty strings, got {key!r}")
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidArgumentError(
                f"{what}: tag key longer than {MAX_KEY_LENGTH} characters: {key!r}"
            )
        if not reading and key.lower().startswith("aws:"):
            raise InvalidArgumentError(
                f"{what}: tag keys starting with 'aws:' are reserved: {key!r}"
            )
        checked.append(key)
    return tuple(checked)


class AwsTag(TypedDict, total=False):
    """One AWS tag; ``total=False`` matches the stubs of EC2, RDS and Route53."""

    Key: str
    Value: str


class AwsFilter(TypedDict, total=False):
    """One EC2-style ``Filters`` entry."""

    Name: str
    Values: Sequence[str]


def to_aws(tags: Mapping[str, str]) -> list[AwsTag]:
    """The AWS tag list for a mapping (validate it first)."""
    return [{"Key": key, "Value": value} for key, value in tags.items()]


def filters(tags: Mapping[str, str]) -> list[AwsFilter]:
    """EC2-style ``tag:KEY`` filters matching resources that carry every one of ``tags``."""
    return [{"Name": f"tag:{key}", "Values": [value]} for key, value in tags.items()]
