"""The converters' helpers: UTC datetimes, required fields, KeyError → UnexpectedResponseError."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta, timezone, tzinfo

import pytest

from awsfacade._convert import converter, optional_utc, required, utc
from awsfacade.errors import AwsError, UnexpectedResponseError


def test_utc_reads_a_naive_datetime_as_utc() -> None:
    """A naive datetime is taken to be UTC already: same wall time, UTC attached."""
    result = utc(datetime(2024, 5, 1, 12, 30))
    assert result == datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    assert result.tzinfo is UTC


def test_utc_keeps_a_utc_datetime() -> None:
    """A UTC datetime comes back as the same instant in UTC."""
    value = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    assert utc(value) == value
    assert utc(value).utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "zone",
    [timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30)), timezone.max],
    ids=["plus-2", "minus-5-30", "plus-23-59"],
)
def test_utc_converts_other_offsets_to_the_same_instant(zone: tzinfo) -> None:
    """A datetime in another zone becomes the same instant with a UTC offset of zero."""
    value = datetime(2024, 5, 1, 12, 30, tzinfo=zone)
    result = utc(value)
    assert result == value
    assert result.utcoffset() == timedelta(0)
    offset = value.utcoffset()
    assert offset is not None
    assert result.replace(tzinfo=None) == value.replace(tzinfo=None) - offset


def test_utc_converts_tzlocal_as_moto_returns_it() -> None:
    """A tzlocal() datetime (moto's) becomes the same instant in UTC."""
    # dateutil ships no type stubs: reach tzlocal through the module object.
    local: object = importlib.import_module("dateutil.tz").tzlocal()
    assert isinstance(local, tzinfo)
    value = datetime(2024, 1, 15, 8, 0, tzinfo=local)
    result = utc(value)
    assert result == value
    assert result.tzinfo is UTC


def test_optional_utc() -> None:
    """optional_utc passes None through and converts a datetime like utc()."""
    assert optional_utc(None) is None
    value = datetime(2024, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    assert optional_utc(value) == datetime(2024, 1, 1, tzinfo=UTC)


def test_required_returns_a_present_value() -> None:
    """required returns the value when there is one, including falsy values other than None."""
    assert required("i-1", "InstanceId") == "i-1"
    assert required(0, "Count") == 0
    assert required("", "Name") == ""


def test_required_raises_key_error_naming_the_field() -> None:
    """required raises KeyError with the field's name when the value is None."""
    with pytest.raises(KeyError) as caught:
        required(None, "InstanceId")
    assert caught.value.args == ("InstanceId",)


class Model:
    """A stand-in for a model class with a converter."""

    @classmethod
    @converter
    def _from_boto(cls, item: dict[str, str]) -> str:
        return required(item.get("Id"), "Id") + item["Name"]


def test_converter_turns_key_error_into_unexpected_response_error() -> None:
    """A KeyError inside a converter becomes UnexpectedResponseError naming field and model."""
    with pytest.raises(UnexpectedResponseError) as caught:
        Model._from_boto({"Name": "x"})
    assert "'Id'" in str(caught.value)
    assert "Model" in str(caught.value)
    assert isinstance(caught.value.__cause__, KeyError)
    assert isinstance(caught.value, AwsError)
    with pytest.raises(UnexpectedResponseError, match="Name"):
        Model._from_boto({"Id": "x"})


def test_converter_returns_the_result_and_keeps_the_name() -> None:
    """A converter that succeeds returns its result; the wrapper keeps the function's name."""
    assert Model._from_boto({"Id": "a", "Name": "b"}) == "ab"
    assert Model._from_boto.__name__ == "_from_boto"


def test_converter_lets_other_errors_through() -> None:
    """Only KeyError is rewritten: other exceptions from a converter pass unchanged."""

    @converter
    def broken(value: str) -> int:
        return int(value)

    with pytest.raises(ValueError, match="invalid literal"):
        broken("x")
