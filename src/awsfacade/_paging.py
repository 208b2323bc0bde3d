"""Lazy iteration over botocore paginators.

A listing is a generator: nothing is requested before the first ``next()``, one page is in
memory at a time, and botocore's exceptions raised while paging become awsfacade errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from awsfacade.errors import translate

__all__ = ["items"]

P = TypeVar("P")
T = TypeVar("T")
M = TypeVar("M")


def items(
    pages: Iterable[P], extract: Callable[[P], Iterable[T]], convert: Callable[[T], M]
) -> Iterator[M]:
    """Models converted from the items that ``extract`` finds in each page, page by page.

    ``pages`` is a botocore ``PageIterator``: creating it sends nothing, iterating it sends
    one request a page. Items are converted as they are yielded, so a consumer that stops
    early stops the requests too.
    """
    page_iterator = iter(pages)
    while True:
        with translate():
            page = next(page_iterator, None)
        if page is None:
            return
        for item in extract(page):
            yield convert(item)
