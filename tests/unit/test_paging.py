"""Lazy paging: nothing fetched early, one page at a time, errors translated."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from awsfacade._paging import items
from awsfacade.errors import ThrottledError, UnexpectedResponseError

if TYPE_CHECKING:
    from botocore.exceptions import _ClientErrorResponseTypeDef
    from mypy_boto3_iam.type_defs import ListUsersResponseTypeDef

    from awsfacade.iam import IamService

Page = dict[str, list[int]]


class RecordingPages:
    """An iterable of pages that logs every page it hands out, like a botocore PageIterator."""

    def __init__(self, pages: list[Page], *, fail_at: int | None = None) -> None:
        self.pages = pages
        self.fail_at = fail_at
        self.log: list[str] = []

    def __iter__(self) -> Iterator[Page]:
        self.log.append("iter")
        for number, page in enumerate(self.pages):
            if number == self.fail_at:
                self.log.append(f"fail {number}")
                response: _ClientErrorResponseTypeDef = {
                    "Error": {"Code": "Throttling", "Message": "Rate exceeded"}
                }
                raise ClientError(response, "DescribeInstances")
            self.log.append(f"page {number}")
            yield page


def extract(page: Page) -> list[int]:
    """The items of a test page."""
    return page["Items"]


def convert(item: int) -> str:
    """A test model: the item as text."""
    return f"item-{item}"


def test_nothing_is_fetched_before_the_first_next() -> None:
    """Creating the iterator neither starts iterating the pages nor fetches one."""
    pages = RecordingPages([{"Items": [1]}])
    iterator = items(pages, extract, convert)
    assert pages.log == []
    assert next(iterator) == "item-1"
    assert pages.log == ["iter", "page 0"]


def test_items_are_converted_in_order_across_pages() -> None:
    """Every item of every page is converted and yielded, in page order; empty pages are skipped."""
    pages = RecordingPages([{"Items": [1, 2]}, {"Items": []}, {"Items": [3]}])
    assert list(items(pages, extract, convert)) == ["item-1", "item-2", "item-3"]
    assert pages.log == ["iter", "page 0", "page 1", "page 2"]


def test_next_page_is_fetched_only_after_the_current_one_is_consumed() -> None:
    """The second page is not pulled until every item of the first has been yielded."""
    pages = RecordingPages([{"Items": [1, 2]}, {"Items": [3]}])
    iterator = items(pages, extract, convert)
    assert next(iterator) == "item-1"
    assert next(iterator) == "item-2"
    assert pages.log == ["iter", "page 0"]
    assert next(iterator) == "item-3"
    assert pages.log == ["iter", "page 0", "page 1"]


def test_items_are_converted_lazily() -> None:
    """An item is converted only when it is asked for, not when its page arrives."""
    converted: list[int] = []

    def recording_convert(item: int) -> int:
        converted.append(item)
        return item

    iterator = items(RecordingPages([{"Items": [1, 2, 3]}]), extract, recording_convert)
    assert next(iterator) == 1
    assert converted == [1]


def test_client_error_while_fetching_a_page_becomes_an_aws_error() -> None:
    """A ClientError raised fetching a page surfaces as the mapped AwsError, after earlier items."""
    pages = RecordingPages([{"Items": [1]}, {"Items": [2]}], fail_at=1)
    iterator = items(pages, extract, convert)
    assert next(iterator) == "item-1"
    with pytest.raises(ThrottledError) as caught:
        next(iterator)
    assert caught.value.code == "Throttling"
    assert caught.value.operation == "DescribeInstances"
    assert isinstance(caught.value.__cause__, ClientError)


def test_a_page_token_aws_repeats_is_an_unexpected_response(iam_service: IamService) -> None:
    """A listing botocore pages (IAM's ListUsers) whose second page names the same marker as
    the next one again: UnexpectedResponseError (as on the hand-paged listings), after the
    items already read, instead of a page loop or a client-side failure."""
    page: ListUsersResponseTypeDef = {
        "Users": [
            {
                "Path": "/",
                "UserName": "alice",
                "UserId": "AIDAEXAMPLE000000001",
                "Arn": "arn:aws:iam::123456789012:user/alice",
                "CreateDate": datetime(2024, 5, 17, tzinfo=UTC),
            }
        ],
        "IsTruncated": True,
        "Marker": "page-2",
        "ResponseMetadata": {
            "RequestId": "r",
            "HostId": "",
            "HTTPStatusCode": 200,
            "HTTPHeaders": {},
            "RetryAttempts": 0,
        },
    }
    with Stubber(iam_service.client) as stub:
        stub.add_response("list_users", page)
        stub.add_response("list_users", page)
        users = iam_service.users()
        assert [next(users).name, next(users).name] == ["alice", "alice"]
        with pytest.raises(UnexpectedResponseError) as raised:
            next(users)
    assert str(raised.value) == "AWS named the page {'Marker': 'page-2'} as the next one again"


def test_stopping_early_stops_fetching() -> None:
    """A consumer that stops after the first item never causes a second page to be fetched."""
    pages = RecordingPages([{"Items": [1, 2]}, {"Items": [3]}, {"Items": [4]}])
    iterator = items(pages, extract, convert)
    for item in iterator:
        assert item == "item-1"
        break
    assert pages.log == ["iter", "page 0"]
    generator = iterator
    assert isinstance(generator, Generator)
    generator.close()
    assert list(iterator) == []
    assert pages.log == ["iter", "page 0"]


def test_no_pages_gives_nothing() -> None:
    """An empty page iterable gives an empty listing."""
    assert list(items(RecordingPages([]), extract, convert)) == []


class BigPage:
    """A page object that can be weakly referenced, to watch when the listing lets go of it."""

    def __init__(self, values: list[int]) -> None:
        self.values = values


def test_only_one_page_is_kept_in_memory() -> None:
    """Once the listing yields from the second page, the first page is no longer referenced."""
    alive: list[weakref.ref[BigPage]] = []

    def generated_pages() -> Iterator[BigPage]:
        for number in range(3):
            page = BigPage([number * 10, number * 10 + 1])
            alive.append(weakref.ref(page))
            yield page
            del page

    iterator = items(generated_pages(), lambda page: page.values, convert)
    assert next(iterator) == "item-0"
    assert next(iterator) == "item-1"
    assert next(iterator) == "item-10"
    gc.collect()
    assert alive[0]() is None
    assert alive[1]() is not None
