"""IamService's access keys: the secret is shown once, at creation, and never printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_counted, with_secret
from awsfacade.iam._base import IamBase
from awsfacade.iam._models import AccessKey

if TYPE_CHECKING:
    from mypy_boto3_iam.literals import StatusTypeType

__all__ = ["IamKeysMixin"]


class IamKeysMixin(IamBase):
    """Access keys."""

    __slots__ = ()

    # -- access keys ---------------------------------------------------------------------------

    @request("CreateAccessKey", user="UserName")
    def create_access_key(self, user: str) -> AccessKey:
        """Create an access key of `user` and return it with its secret.

        CreateAccessKey has no idempotency token, and a retry after a lost answer would make
        a second key: so the user's keys are listed first (one request), botocore does not
        send it again once it may have been carried out, and a key the lost attempt made
        (its secret lost with the answer) is deleted and made again. The error says whether
        it was carried out otherwise.

        Returns:
            The new key, with its [`secret`][awsfacade.iam.AccessKey.secret]: AWS shows it
                this once only.

        Raises:
            LimitExceededError: The user has two keys already (IAM allows two a user).
            NotFoundError: No user has that name.
            InvalidArgumentError: `user` is not an IAM user name; nothing was sent.
        """

        def send() -> AccessKey:
            with self._translate():
                response = self._client.create_access_key(UserName=user)
            return AccessKey._from_boto(
                sent(response.get("AccessKey"), "AccessKey", "CreateAccessKey")
            )

        return with_secret(
            lambda: create_counted(
                send,
                operation="CreateAccessKey",
                matching=lambda: self.access_keys(user),
                key=lambda key: key.id,
                what=f"access key of {user}",
            ),
            has_secret=lambda key: key.secret is not None,
            delete=lambda orphan: self.delete_access_key(user, orphan.id),
            operation="CreateAccessKey",
        )

    @request("ListAccessKeys", user="UserName")
    def access_keys(self, user: str) -> Iterator[AccessKey]:
        """List the access keys of `user`.

        Returns:
            A lazy iterator of the keys (without secrets), read page by page as you iterate.

        Raises:
            NotFoundError: No user has that name.
            InvalidArgumentError: `user` is not an IAM user name; nothing was sent.
        """
        paginator = self._client.get_paginator("list_access_keys")
        return self._list(
            lambda config: paginator.paginate(UserName=user, PaginationConfig=config),
            lambda page: page.get("AccessKeyMetadata", []),
            AccessKey._from_boto,
        )

    @request("UpdateAccessKey", user="UserName", key_id="AccessKeyId")
    def update_access_key(self, user: str, key_id: str, *, active: bool) -> None:
        """Activate or deactivate an access key of `user`.

        Args:
            active: True to make the key usable, False to make it inactive.

        Raises:
            NotFoundError: The user has no such key, or there is no such user.
            InvalidArgumentError: `user` or `key_id` is malformed; nothing was sent.
        """
        status: StatusTypeType = "Active" if active else "Inactive"
        with self._translate():
            self._client.update_access_key(UserName=user, AccessKeyId=key_id, Status=status)

    @request("DeleteAccessKey", user="UserName", key_id="AccessKeyId")
    def delete_access_key(self, user: str, key_id: str) -> None:
        """Delete an access key of `user`.

        Raises:
            NotFoundError: The user has no such key, or there is no such user.
            InvalidArgumentError: `user` or `key_id` is malformed; nothing was sent.
        """
        with self._translate():
            self._client.delete_access_key(UserName=user, AccessKeyId=key_id)
