"""Every public service method and model field has an ``assert_type`` check in tests/typing.

Services and models are found from the package's exports, so a new service falls under this
test as soon as it is exported: its typing file is then all that is missing.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import attrs
import pytest

import awsfacade

TYPING = Path(__file__).parents[1] / "typing"


def _typing_source() -> str:
    return "\n".join(path.read_text() for path in sorted(TYPING.glob("typing_*.py")))


def _services() -> list[type]:
    return [getattr(awsfacade, name) for name in awsfacade.__all__ if name.endswith("Service")]


def _models() -> list[type]:
    models: list[type] = []
    for service in _services():
        package = importlib.import_module(service.__module__.rsplit(".", 1)[0])
        exported: list[str] = getattr(package, "__all__", [])
        models += [
            value
            for value in (getattr(package, name) for name in exported)
            if isinstance(value, type) and attrs.has(value)
        ]
    return models


def _public_methods(service: type) -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(service)
        if not name.startswith("_") and (inspect.isfunction(member) or name == "client")
    ]


@pytest.mark.parametrize("service", _services(), ids=lambda s: s.__name__)
def test_every_service_method_is_type_checked(service: type) -> None:
    """Each public method (and the client property) is called inside an assert_type check."""
    source = _typing_source()
    unchecked = [
        name
        for name in _public_methods(service)
        if not re.search(rf"assert_type\(\s*\w+\.{name}\b", source)
    ]
    assert unchecked == []


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_model_field_is_type_checked(model: type) -> None:
    """Each attrs field of each exported model has an assert_type check on its type."""
    source = _typing_source()
    unchecked = [
        field.name
        for field in attrs.fields(model)
        if not re.search(rf"assert_type\(\s*\w+\.{field.name}\b", source)
    ]
    assert unchecked == []
