"""What the argument checks at the public boundary (``awsfacade._boundary``) cost a call.

Run it alone from the repository root (``benchmarks/run.py`` runs it too)::

    python benchmarks/boundary_cost.py [calls] [rounds]

Two of IamService's own methods are measured, each against the same function without its
checks (``inspect.unwrap``), on a service whose client never sends anything: the methods'
bodies are replaced by a function that returns at once, so what is left is the boundary:
``users`` (types only: two keyword arguments) and ``create_user`` (types, then IAM's model
constraints on the name and the path: lengths and patterns). For scale, the same table gives
one ``GetUser`` request on moto in process.
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable, Sequence

from _table import Figure, alternate, median, progress

from awsfacade._boundary import check_types, request
from awsfacade.iam import IamService
from awsfacade.testing import mocked_session

#: No target: the figure is reported (issue 18 asks for it to be measured).
NOTE = "one call, checks on vs the same function unwrapped; no request sent"


def _nothing(*args: object, **kwargs: object) -> None:
    del args, kwargs


def _checked_like(method: Callable[..., object]) -> tuple[Callable[..., None], Callable[..., None]]:
    """A function with ``method``'s signature and checks, and the same without them."""
    original = inspect.unwrap(method)

    # _nothing's body in the method's module, so that its annotations resolve as the method's.
    bare = types.FunctionType(_nothing.__code__, original.__globals__, original.__name__)
    bare.__signature__ = inspect.signature(original)  # type: ignore[attr-defined]  # read by inspect.signature
    bare.__annotations__ = dict(original.__annotations__)
    return bare, check_types(bare)


def boundary_figures(calls: int = 20_000, repeat: int = 7) -> list[Figure]:
    """The boundary's cost a call, in µs, for a types-only method and a model-checked one."""
    figures: list[Figure] = []
    with mocked_session() as session:
        iam = IamService(session)
        bare_users, checked_users = _checked_like(IamService.users)
        bare_create, typed_create = _checked_like(IamService.create_user)
        checked_create = request("CreateUser", name="UserName", path="Path")(typed_create)
        cases: dict[str, tuple[Callable[[], None], Callable[[], None]]] = {
            "users(path_prefix=..., with_tags=...): types": (
                lambda: checked_users(iam, path_prefix="/team/", with_tags=False),
                lambda: bare_users(iam, path_prefix="/team/", with_tags=False),
            ),
            "create_user(name, path=..., tags=...): types and IAM's model": (
                lambda: checked_create(iam, "alice", path="/team/", tags={"team": "a"}),
                lambda: bare_create(iam, "alice", path="/team/", tags={"team": "a"}),
            ),
        }
        for name, (on, off) in cases.items():

            def run_on(call: Callable[[], None] = on) -> None:
                for _ in range(calls):
                    call()

            def run_off(call: Callable[[], None] = off) -> None:
                for _ in range(calls):
                    call()

            samples = alternate({"on": run_on, "off": run_off}, repeat)
            on_us = median(samples["on"]) / calls * 1e6
            off_us = median(samples["off"]) / calls * 1e6
            progress(f"boundary: {name}")
            figures.append(
                Figure(
                    f"boundary checks, `{name}`",
                    on_us,
                    off_us,
                    "µs",
                    on_us - off_us,
                    "+µs",
                    None,
                    None,
                    note=NOTE,
                )
            )
        client = iam.client
        client.create_user(UserName="alice")

        def get_user() -> None:
            for _ in range(100):
                client.get_user(UserName="alice")

        request_ms = median(alternate({"get": get_user}, repeat)["get"]) / 100 * 1e3
        figures.append(
            Figure(
                "for scale: one `GetUser` on moto, raw boto3",
                request_ms,
                request_ms,
                "ms",
                request_ms,
                "ms",
                None,
                None,
                note="in process, no network",
            )
        )
    return figures


def main(argv: Sequence[str]) -> int:
    """Print the figures (``[calls] [rounds]``)."""
    calls = int(argv[1]) if len(argv) > 1 else 20_000
    rounds = int(argv[2]) if len(argv) > 2 else 7
    for figure in boundary_figures(calls, rounds):
        print(f"{figure.figure}: {figure.result:.3f} {figure.result_unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
