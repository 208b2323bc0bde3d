"""Tags: an immutable hashable Mapping outside, AWS's Key/Value lists inside."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from awsfacade._tags import Tags, filters, to_aws, validate, validate_keys
from awsfacade.errors import InvalidArgumentError


def test_tags_is_a_mapping_equal_to_a_dict_with_the_same_items() -> None:
    """Tags is a Mapping that compares equal to a dict with the same items and unequal otherwise."""
    tags = Tags({"Name": "web", "env": "prod"})
    assert isinstance(tags, Mapping)
    assert tags == {"Name": "web", "env": "prod"}
    assert tags == Tags([("env", "prod"), ("Name", "web")])
    assert tags != {"Name": "web"}
    assert tags != {"Name": "web", "env": "dev"}
    assert tags["Name"] == "web"
    assert len(tags) == 2
    assert sorted(tags) == ["Name", "env"]
    assert tags.get("missing") is None


def test_tags_are_hashable_consistently_with_equality() -> None:
    """Equal Tags hash alike, whatever their order, so they can be set members and dict keys."""
    first = Tags({"a": "1", "b": "2"})
    second = Tags({"b": "2", "a": "1"})
    assert hash(first) == hash(second)
    assert len({first, second, Tags({"a": "1"})}) == 2


def test_tags_cannot_be_changed() -> None:
    """Tags offers no item assignment or deletion."""
    tags = Tags({"a": "1"})
    with pytest.raises(TypeError):
        tags["a"] = "2"  # type: ignore[index]  # deliberately misused
    with pytest.raises(TypeError):
        del tags["a"]  # type: ignore[attr-defined]  # deliberately misused
    assert tags == {"a": "1"}


def test_tags_copy_their_input() -> None:
    """Changing the dict a Tags was built from does not change the Tags."""
    source = {"a": "1"}
    tags = Tags(source)
    source["a"] = "changed"
    source["b"] = "new"
    assert tags == {"a": "1"}


def test_tags_repr_shows_the_items() -> None:
    """repr() of Tags shows its items."""
    assert repr(Tags({"a": "1"})) == "Tags({'a': '1'})"


def test_from_aws_reads_key_value_entries() -> None:
    """from_aws turns AWS's Key/Value list into a mapping; a missing Value becomes ''."""
    tags = Tags.from_aws([{"Key": "Name", "Value": "web"}, {"Key": "empty"}])
    assert tags == {"Name": "web", "empty": ""}


def test_from_aws_skips_entries_without_a_string_key() -> None:
    """Entries without a Key, or whose Key is not a string, are left out."""
    tags = Tags.from_aws(
        [{"Value": "orphan"}, {"Key": 7, "Value": "x"}, {"Key": "ok", "Value": "y"}]
    )
    assert tags == {"ok": "y"}


@pytest.mark.parametrize("empty", [None, []])
def test_from_aws_of_nothing_is_empty(empty: list[Mapping[str, object]] | None) -> None:
    """None or an empty list gives empty Tags."""
    tags = Tags.from_aws(empty)
    assert isinstance(tags, Tags)
    assert tags == {}
    assert len(tags) == 0


def test_validate_returns_tags() -> None:
    """validate accepts a good mapping and returns equal Tags; None gives empty Tags."""
    checked = validate({"Name": "web", "a" * 128: "v" * 256, "empty": ""})
    assert isinstance(checked, Tags)
    assert checked == {"Name": "web", "a" * 128: "v" * 256, "empty": ""}
    assert validate(None) == {}


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ([{"Key": "Name", "Value": "web"}], "mapping"),
        ("Name=web", "mapping"),
        ({"Name": 1}, "non-string"),
        ({"Name": None}, "non-string"),
        ({"k" * 129: "v"}, "128"),
        ({"Name": "v" * 257}, "256"),
        ({"aws:cloudformation:stack-name": "x"}, "aws:"),
        ({"AWS:Name": "x"}, "aws:"),
        ({"": "x"}, "non-empty"),
        ({1: "x"}, "non-empty"),
    ],
    ids=[
        "list-of-dicts",
        "string",
        "int-value",
        "none-value",
        "long-key",
        "long-value",
        "aws-prefix",
        "aws-prefix-upper",
        "empty-key",
        "int-key",
    ],
)
def test_validate_rejects_what_aws_would(tags: object, message: str) -> None:
    """validate raises InvalidArgumentError, naming the problem, for tags AWS would refuse."""
    with pytest.raises(InvalidArgumentError, match=message):
        validate(tags)  # type: ignore[arg-type]  # deliberately wrong types


def test_validate_keys_returns_a_tuple() -> None:
    """validate_keys returns the keys, in order, as a tuple."""
    assert validate_keys(["b", "a"]) == ("b", "a")
    assert validate_keys(iter(["x"])) == ("x",)


@pytest.mark.parametrize(
    "keys", [["ok", ""], ["k" * 129], ["aws:x"], [None]], ids=["empty", "long", "aws", "none"]
)
def test_validate_keys_rejects_bad_keys(keys: list[object]) -> None:
    """validate_keys rejects empty, over-long, aws:-prefixed and non-string keys."""
    with pytest.raises(InvalidArgumentError):
        validate_keys(keys)


def test_validate_keys_rejects_one_string() -> None:
    """A single string is refused rather than read as a sequence of one-letter keys."""
    with pytest.raises(InvalidArgumentError, match="one string"):
        validate_keys("Name")


def test_to_aws_builds_key_value_list() -> None:
    """to_aws turns a mapping into AWS's list of Key/Value dicts, in order."""
    assert to_aws(Tags({"Name": "web", "env": "prod"})) == [
        {"Key": "Name", "Value": "web"},
        {"Key": "env", "Value": "prod"},
    ]
    assert to_aws({}) == []


def test_filters_builds_one_tag_filter_per_tag() -> None:
    """filters gives one EC2 tag:KEY filter per tag, each matching that tag's value."""
    assert filters({"Name": "web", "env": "prod"}) == [
        {"Name": "tag:Name", "Values": ["web"]},
        {"Name": "tag:env", "Values": ["prod"]},
    ]
    assert filters({}) == []


def test_models_keep_the_tags_object_they_are_given() -> None:
    """A model's converter keeps a Tags as it is (no copy per item) and wraps a plain dict."""
    from awsfacade._tags import as_tags

    tags = Tags({"a": "1"})
    assert as_tags(tags) is tags
    assert as_tags({"a": "1"}) == tags
    assert isinstance(as_tags({"a": "1"}), Tags)
