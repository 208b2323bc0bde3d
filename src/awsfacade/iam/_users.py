"""IamService's users: create, list (tags on request), read, and delete (forced or not)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import not_asked_before
from awsfacade._progress import Reporter
from awsfacade.errors import (
    AwsError,
    InUseError,
    NotFoundError,
    PartialFailureError,
)
from awsfacade.iam._base import IamBase, Step, later
from awsfacade.iam._checks import (
    check_tags,
)
from awsfacade.iam._models import User

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import (
        CreateUserRequestTypeDef,
        MFADeviceTypeDef,
        SigningCertificateTypeDef,
        SSHPublicKeyMetadataTypeDef,
        UserTypeDef,
    )

    from awsfacade.progress import ProgressCallback

__all__ = ["IamUsersMixin"]


class IamUsersMixin(IamBase):
    """Users, and the forced delete that needs keys, groups and policies."""

    __slots__ = ()

    # -- users ---------------------------------------------------------------------------------

    @request("CreateUser", name="UserName", path="Path")
    def create_user(
        self, name: str, *, path: str = "/", tags: Mapping[str, str] | None = None
    ) -> User:
        """Create a user and return it as CreateUser describes it.

        There is no read-back that AWS's eventual consistency could fail. If CreateUser's
        answer is lost and botocore's retry meets ``EntityAlreadyExists``, the user is read:
        returned if it has this path and these tags.

        Args:
            name: The user's name: up to 64 letters, digits and ``+=,.@_-``.
            path: The path to file the user under: ``/``, or one like ``/team/``.
            tags: The user's tags (at most 50).

        Returns:
            The new user, with its tags.

        Raises:
            AlreadyExistsError: A user of that name exists (and is not the one this call
                made).
            LimitExceededError: The account's quota of users is used up.
            InvalidArgumentError: `name`, `path` or `tags` break IAM's rules; nothing was
                sent.
        """
        request: CreateUserRequestTypeDef = {
            "UserName": name,
            "Path": path,
        }
        checked_tags = check_tags(tags)
        if checked_tags:
            request["Tags"] = [{"Key": k, "Value": v} for k, v in checked_tags.items()]

        def send() -> User:
            with self._translate():
                response = self._client.create_user(**request)
            return User._from_boto(sent(response.get("User"), "User", "CreateUser"), complete=True)

        def find(_: object) -> User | None:
            user = self.user(name)
            same = user.path == request["Path"] and user.tags == checked_tags
            return user if same else None

        return create_unique(send, operation="CreateUser", find=find)

    @request("ListUsers", path_prefix="PathPrefix")
    def users(self, *, path_prefix: str = "/", with_tags: bool = False) -> Iterator[User]:
        """List the users whose path starts with `path_prefix`.

        ListUsers does not return tags: each user's `tags` is `None` unless `with_tags`.

        Args:
            path_prefix: ``/`` (every user) or a path's beginning, like ``/team/``.
            with_tags: Ask ListUserTags for each user's tags (one more request a user; a
                user deleted meanwhile is skipped).

        Returns:
            A lazy iterator of the users, read page by page as you iterate.

        Raises:
            InvalidArgumentError: `path_prefix` is not ``/`` followed by printable ASCII;
                nothing was sent.
        """
        paginator = self._client.get_paginator("list_users")
        convert = self._user_with_tags if with_tags else User._from_boto
        found = self._list(
            lambda config: paginator.paginate(PathPrefix=path_prefix, PaginationConfig=config),
            lambda page: page.get("Users", []),
            convert,
        )
        return (user for user in found if user is not None)

    def _user_with_tags(self, item: UserTypeDef) -> User | None:
        """A listed user with its tags from ListUserTags; None if it is gone already."""
        name = item.get("UserName", "")
        paginator = self._client.get_paginator("list_user_tags")
        tags = self._tags_of(
            lambda config: paginator.paginate(UserName=name, PaginationConfig=config)
        )
        if tags is None:
            return None
        tagged = item.copy()
        tagged["Tags"] = tags
        return User._from_boto(tagged, complete=True)

    @request("GetUser", name="UserName")
    def user(self, name: str) -> User:
        """One user by name.

        Returns:
            The user, with its tags.

        Raises:
            NotFoundError: No user has that name.
            InvalidArgumentError: `name` is not an IAM user name; nothing was sent.
        """
        with self._translate():
            response = self._client.get_user(UserName=name)
        return User._from_boto(sent(response.get("User"), "User", "GetUser"), complete=True)

    @request("DeleteUser", name="UserName")
    def delete_user(
        self, name: str, *, force: bool = False, on_progress: ProgressCallback | None = None
    ) -> None:
        """Delete a user.

        IAM refuses while the user has a password, access keys, certificates, SSH keys,
        service-specific credentials, MFA devices, inline or attached policies or group
        memberships.

        Args:
            force: Remove all those first, then the user. A user deleted meanwhile by
                someone else counts as deleted.
            on_progress: Called with a [Progress][awsfacade.progress.Progress] after each
                step of a forced delete (`"removed access key AKIA…"`) and once the user is
                deleted. If it raises, no further step is taken and its exception
                propagates.

        Raises:
            NotFoundError: No user has that name.
            InUseError: The user still has any of those and `force` is False.
            PartialFailureError: With `force`, a step failed: it says what was removed and
                what remains (the user last), and holds the error that stopped it.
            InvalidArgumentError: `name` is not an IAM user name; nothing was sent.
        """
        report = Reporter(on_progress)
        label = f"user {name}"
        if not force:
            with self._translate():
                self._client.delete_user(UserName=name)
            report(1, 1, f"deleted {label}")
            return
        done: list[str] = []
        steps = self._user_attachments(name)
        self._run_steps("DeleteUser", steps, done, last=label, report=report)
        try:
            with self._translate():
                self._client.delete_user(UserName=name)
        except NotFoundError:
            pass  # deleted meanwhile: the outcome asked for
        except InUseError as conflict:
            # Still in use after everything known was removed: the rarer credentials.
            self._remove_service_credentials(name, done, label, conflict, report)
            return
        except AwsError as error:
            raise PartialFailureError(
                "DeleteUser", done=tuple(done), not_done=(label,), error=error
            ) from error
        report(len(done) + 1, len(done) + 1, f"deleted {label}")

    def _remove_service_credentials(
        self, name: str, done: list[str], label: str, conflict: InUseError, report: Reporter
    ) -> None:
        """Delete the user's service-specific credentials, then the user; PartialFailureError
        (the user not done) if there are none to blame for ``conflict`` or a step fails."""
        try:
            extra = self._service_credentials(name)
        except AwsError as error:
            raise PartialFailureError(
                "DeleteUser", done=tuple(done), not_done=(label,), error=error
            ) from error
        if not extra:
            raise PartialFailureError(
                "DeleteUser", done=tuple(done), not_done=(label,), error=conflict
            ) from conflict
        delete: Step = (label, later(self._client.delete_user, UserName=name))
        self._run_steps("DeleteUser", [*extra, delete], done, last=label, report=report)

    def _user_attachments(self, name: str) -> list[Step]:
        """What IAM wants gone before DeleteUser, as steps (sends the listing requests)."""
        client = self._client
        # ListAccessKeys first: it is the one that says NotFound if the user does not exist.
        steps: list[Step] = [
            (
                f"access key {key.id}",
                later(client.delete_access_key, UserName=name, AccessKeyId=key.id),
            )
            for key in self.access_keys(name)
        ]
        try:
            with self._translate():
                client.get_login_profile(UserName=name)
        except NotFoundError:
            pass
        else:
            steps.insert(0, ("login profile", later(client.delete_login_profile, UserName=name)))
        cert_pages = client.get_paginator("list_signing_certificates")
        steps += [
            (
                f"signing certificate {cert}",
                later(client.delete_signing_certificate, UserName=name, CertificateId=cert),
            )
            for cert in self._list(
                lambda config: cert_pages.paginate(UserName=name, PaginationConfig=config),
                lambda page: page.get("Certificates", []),
                _certificate_id,
            )
        ]
        ssh_pages = client.get_paginator("list_ssh_public_keys")
        steps += [
            (
                f"SSH public key {key}",
                later(client.delete_ssh_public_key, UserName=name, SSHPublicKeyId=key),
            )
            for key in self._list(
                lambda config: ssh_pages.paginate(UserName=name, PaginationConfig=config),
                lambda page: page.get("SSHPublicKeys", []),
                _ssh_key_id,
            )
        ]
        mfa_pages = client.get_paginator("list_mfa_devices")
        for serial in self._list(
            lambda config: mfa_pages.paginate(UserName=name, PaginationConfig=config),
            lambda page: page.get("MFADevices", []),
            _serial_number,
        ):
            steps.append(
                (
                    f"MFA device {serial}",
                    later(client.deactivate_mfa_device, UserName=name, SerialNumber=serial),
                )
            )
            if ":mfa/" in serial:  # a virtual device's serial is its ARN, a hardware one's not
                steps.append(
                    (
                        f"virtual MFA device {serial}",
                        later(client.delete_virtual_mfa_device, SerialNumber=serial),
                    )
                )
        inline_pages = client.get_paginator("list_user_policies")
        steps += [
            (
                f"inline policy {policy}",
                later(client.delete_user_policy, UserName=name, PolicyName=policy),
            )
            for policy in self._list(
                lambda config: inline_pages.paginate(UserName=name, PaginationConfig=config),
                lambda page: page.get("PolicyNames", []),
                str,
            )
        ]
        steps += [
            (
                f"attached policy {policy.arn}",
                later(client.detach_user_policy, UserName=name, PolicyArn=policy.arn),
            )
            for policy in self.attached_user_policies(name)
        ]
        steps += [
            (
                f"membership of group {group.name}",
                later(client.remove_user_from_group, UserName=name, GroupName=group.name),
            )
            for group in self.groups_for_user(name)
        ]
        return steps

    def _service_credentials(self, name: str) -> list[Step]:
        """Steps deleting the user's service-specific credentials (CodeCommit, Keyspaces...).

        Asked for only when DeleteUser still says InUse: ListServiceSpecificCredentials has
        no paginator (the Marker is followed here) and moto does not implement it.
        """
        client = self._client
        ids: list[str] = []
        marker: str | None = None
        markers: set[str] = set()
        while True:
            with self._translate():
                if marker is None:
                    page = client.list_service_specific_credentials(UserName=name)
                else:
                    page = client.list_service_specific_credentials(UserName=name, Marker=marker)
            ids += [
                item["ServiceSpecificCredentialId"]
                for item in page.get("ServiceSpecificCredentials", [])
            ]
            marker = page.get("Marker") if page.get("IsTruncated") else None
            if not marker:
                break
            not_asked_before(
                markers, marker, f"ListServiceSpecificCredentials named the marker {marker!r}"
            )
        return [
            (
                f"service-specific credential {credential}",
                later(
                    client.delete_service_specific_credential,
                    UserName=name,
                    ServiceSpecificCredentialId=credential,
                ),
            )
            for credential in ids
        ]


def _certificate_id(item: SigningCertificateTypeDef) -> str:
    return item["CertificateId"]


def _ssh_key_id(item: SSHPublicKeyMetadataTypeDef) -> str:
    return item["SSHPublicKeyId"]


def _serial_number(item: MFADeviceTypeDef) -> str:
    return item["SerialNumber"]
