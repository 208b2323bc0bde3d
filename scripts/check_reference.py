"""Fail when a public name is missing from the built API reference (run after the site build).

The public API is what users import: the names in ``__all__`` of ``awsfacade`` and of each
public sub-package, and, for each public class, its public methods, properties, attrs fields
and enum members (inherited ones included where they come from awsfacade's own classes).
Each must be in the site's ``objects.inv`` (mkdocstrings writes one entry per object it
rendered) and, but for enum members (their value says what they are), have a docstring, as
griffe (mkdocstrings' reader of the sources) finds it: a field's is the string under it.

Usage: ``python scripts/check_reference.py [site/objects.inv]``; exit 1 lists what is missing.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import attrs
import griffe

import awsfacade

#: Members every class has, or that Python's own bases bring, which the reference need not show.
_FOREIGN_BASES = (object, Exception, ValueError, TimeoutError, LookupError, str, enum.Enum)


def public_modules() -> list[str]:
    """``awsfacade`` and its sub-packages and modules whose names do not start with ``_``."""
    names = ["awsfacade"]
    for info in pkgutil.walk_packages(awsfacade.__path__, "awsfacade."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def _own_members(cls: type) -> Iterator[str]:
    """The public members a reader looks up on ``cls``: its own and its awsfacade bases'."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        if klass in _FOREIGN_BASES or not klass.__module__.startswith("awsfacade"):
            continue
        for name in vars(klass):
            if not name.startswith("_") and name not in seen:
                seen.add(name)
                yield name
    if attrs.has(cls):
        yield from (field.name for field in attrs.fields(cls) if field.name not in seen)
    if issubclass(cls, enum.Enum):
        yield from (member.name for member in cls if member.name not in seen)


def _home(value: object, modules: list[str]) -> str | None:
    """The most specific public module ``value`` is defined under (None: not awsfacade's)."""
    defined_in = getattr(value, "__module__", None)
    if not isinstance(defined_in, str):
        return None
    homes = [name for name in modules if defined_in == name or defined_in.startswith(name + ".")]
    return max(homes, key=len, default=None)


def public_names() -> Iterator[tuple[str, bool]]:
    """Every dotted path of the public API, as the reference lists it, and whether it needs
    a docstring (all but enum members). A name a package re-exports from one of its public
    sub-packages (``awsfacade.Ec2Service``) is documented there (``awsfacade.ec2``) only."""
    modules = public_modules()
    for module_name in modules:
        module = importlib.import_module(module_name)
        exported: list[str] = getattr(module, "__all__", [])
        if module_name != "awsfacade" and not exported:
            continue  # a module with nothing to export (the plugin's entry point)
        yield module_name, True
        for name in exported:
            if name.startswith("__"):
                continue
            value = getattr(module, name)
            home = _home(value, modules)
            if home is not None and home.startswith(module_name + "."):
                continue
            path = f"{module_name}.{name}"
            yield path, True
            if inspect.isclass(value) and value.__module__.startswith("awsfacade"):
                members = {member.name for member in value} if issubclass(value, enum.Enum) else ()
                for member in _own_members(value):
                    yield f"{path}.{member}", member not in members


def inventory(path: Path) -> set[str]:
    """The object names in a Sphinx-format ``objects.inv`` (four header lines, then zlib)."""
    header_end = 0
    data = path.read_bytes()
    for _ in range(4):
        header_end = data.index(b"\n", header_end) + 1
    body = zlib.decompress(data[header_end:]).decode()
    return {line.split(" ", 1)[0] for line in body.splitlines() if line.strip()}


def has_docstring(package: griffe.Module, path: str) -> bool:
    """Whether griffe finds a docstring for ``path`` (inherited members included)."""
    obj: griffe.Object | griffe.Alias = package
    for part in path.split(".")[1:]:
        obj = obj.all_members[part] if obj.is_class else obj.members[part]
    return obj.docstring is not None and bool(obj.docstring.value.strip())


def main(argv: list[str]) -> int:
    """Compare the public API with the inventory and the docstrings; print what is missing."""
    path = Path(argv[1] if len(argv) > 1 else "site/objects.inv")
    documented = inventory(path)
    package = griffe.load("awsfacade", search_paths=["src"], resolve_aliases=True)
    if not isinstance(package, griffe.Module):
        raise TypeError(f"griffe loaded {package!r}, not the awsfacade package")
    names = dict(public_names())
    missing = [name for name in names if name not in documented]
    undocumented = [
        name for name, needs in names.items() if needs and not has_docstring(package, name)
    ]
    for name in missing:
        print(f"not in the API reference: {name}")
    for name in undocumented:
        print(f"no docstring: {name}")
    print(
        f"API reference: {len(names)} public names, {len(missing)} not in the reference, "
        f"{len(undocumented)} without a docstring"
    )
    return 1 if missing or undocumented else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
