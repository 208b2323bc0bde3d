"""Listings: lazy iteration over botocore paginators, the same way for every service.

A listing is a generator: nothing is requested before the first ``next()``, one page is in
memory at a time, and botocore's exceptions raised while paging become awsfacade errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypedDict, TypeVar

from awsfacade._translate import NO_CODES, Codes, translate
from awsfacade.errors import UnexpectedResponseError

if TYPE_CHECKING:
    from awsfacade.errors import NotFoundError

__all__ = ["PageConfig", "items", "listing", "not_asked_before", "one_page", "only"]

P = TypeVar("P")
T = TypeVar("T")
M = TypeVar("M")


class PageConfig(TypedDict, total=False):
    """botocore's ``PaginationConfig``: the same keys in every service's stubs."""

    MaxItems: int
    PageSize: int
    StartingToken: str


def items(
    pages: Iterable[P],
    extract: Callable[[P], Iterable[T]],
    convert: Callable[[T], M],
    codes: Codes = NO_CODES,
) -> Iterator[M]:
    """Models converted from the items that ``extract`` finds in each page, page by page.

    ``pages`` is a botocore ``PageIterator``: creating it sends nothing, iterating it sends
    one request a page. Items are converted as they are yielded, so a consumer that stops
    early stops the requests too.
    """
    page_iterator = iter(pages)
    while True:
        with translate(codes):
            page = next(page_iterator, None)
        if page is None:
            return
        for item in extract(page):
            yield convert(item)


def listing(
    paginate: Callable[[PageConfig], Iterable[P]],
    extract: Callable[[P], Iterable[T]],
    convert: Callable[[T], M],
    *,
    page_size: int | None,
    selectors: Sequence[Sequence[object] | None] = (),
    codes: Codes = NO_CODES,
) -> Iterator[M]:
    """The one body of every plural method.

    The service validates its arguments first (so a wrong one raises at the call, before
    anything else) and hands over what is left: ``paginate`` starts botocore's paginator
    with a ``PaginationConfig``; ``page_size`` is the largest page the operation allows
    (``None`` where AWS refuses one, e.g. beside a list of ids); ``selectors`` are the
    validated id, name or state lists — an empty one matches nothing, so no request is sent.
    """
    if any(selector is not None and not selector for selector in selectors):
        return iter(())
    config: PageConfig = {} if page_size is None else {"PageSize": page_size}
    return items(paginate(config), extract, convert, codes)


def one_page(fetch: Callable[[], P]) -> Callable[[PageConfig], Iterator[P]]:
    """A ``paginate`` for :func:`listing` over an operation AWS does not page (one answer
    holds every item): nothing is requested until the listing is iterated."""

    def pages(config: PageConfig) -> Iterator[P]:
        del config  # no page size to give
        yield fetch()

    return pages


def only(found: Iterator[M], not_found: NotFoundError) -> M:
    """The first item of a by-id listing, or ``not_found`` if there is none.

    AWS answers an unknown id with an error, which the listing translates; an empty answer
    (an id filtered out, a name lookup) raises the same error here.
    """
    first = next(found, None)
    if first is None:
        raise not_found
    return first


def not_asked_before(asked: set[T], token: T, described: str) -> None:
    """Note ``token`` (the next page a hand-paged listing will ask for) as asked for.

    A page naming as next a page already asked for would make the loop endless: that is an
    :class:`~awsfacade.errors.UnexpectedResponseError` (``described``, "as the next one
    again"), the error a token repeated to botocore's paginators becomes too.
    """
    if token in asked:
        raise UnexpectedResponseError(f"{described} as the next one again")
    asked.add(token)
