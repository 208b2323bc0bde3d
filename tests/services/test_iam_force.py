"""Forced deletes of users and roles: everything IAM wants gone goes first, a concurrent
delete is no failure, and a step that fails says what was removed and what remains.

moto implements most of a user's attachments; what it lacks (service-specific credentials,
DeleteConflict for keys or groups, failures half-way) is answered at ``before-call``
(``iam_support.answer``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from iam_support import READ_BUCKET, TRUST, WHEN
from support import Requests, answer_calls, error_answer, requests_of, result_answer

from awsfacade.errors import (
    InUseError,
    InvalidRequestError,
    NotFoundError,
    PartialFailureError,
    ServiceError,
)

if TYPE_CHECKING:
    from awsfacade.iam import IamService

SSH_KEY = (
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDAx2M5pCP1jfdd7sGbR+n4WwhKSpxGgnzZ8l3XDB1I"
    "VQwmRa5wj1Sl1ydmZbIG9lsDkmnCqSIv3CwtW7b7Y8xS6wiPwYr/rDoJ0YUN2C+mcUr6tnYUfqEyQ4N"
    "MqTT0eBA2cXyBbrqQy6A2TEPLPTfF2kSYc0iDK5NxBs3dKQkjLpN9eTL36lr9e7E2PZbaEHuRMyoxLD"
    "f1jHmchBp5B3wDgKzQG8aTUXz+6qk4VS3Js20qDK5QO9oBgyBEvjCgcYpV1kc0gMNYMgz3RzTFoCNeB"
    "tS0ukH0hV6WqHNOr2lFOyHppPrbWU54JuIqa6TdB44LTZn5JbLmgzPMyTx9SQCPqo2N mock@moto"
)
CERTIFICATE = """-----BEGIN CERTIFICATE-----
MIIBpzCCARACCQCY5yOdxCTrGjANBgkqhkiG9w0BAQsFADAXMRUwEwYDVQQKDAxt
b3RvIHRlc3RpbmcwIBcNMTgxMTA1MTkwNTIwWhgPMjI5MjA4MTkxOTA1MjBaMBcx
FTATBgNVBAoMDG1vdG8gdGVzdGluZzCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkC
gYEA1Jn3g2h7LD3FLqdpcYNbFXCS4V4eDpuTCje9vKFcC3pi/01147X3zdfPy8Mt
ZhKxcREOwm4NXykh23P9KW7fBovpNwnbYsbPqj8Hf1ZaClrgku1arTVhEnKjx8zO
vaR/bVLCss4uE0E0VM1tJn/QGQsfthFsjuHtwx8uIWz35tUCAwEAATANBgkqhkiG
9w0BAQsFAAOBgQBWdOQ7bDc2nWkUhFjZoNIZrqjyNdjlMUndpwREVD7FQ/DuxJMj
FyDHrtlrS80dPUQWNYHw++oACDpWO01LGLPPrGmuO/7cOdojPEd852q5gd+7W9xt
8vUH+pBa6IBLbvBp+szli51V3TLSWcoyy4ceJNQU2vCkTLoFdS0RLd/7tQ==
-----END CERTIFICATE-----"""


requests_sent = requests_of("iam_service")


def loaded_user(iam: IamService, name: str = "alice") -> str:
    """A user with one of everything moto implements; the ARN of its attached policy."""
    client = iam.client
    iam.create_user(name)
    client.create_login_profile(UserName=name, Password="Correct-Horse-9")
    iam.create_access_key(name)
    iam.create_access_key(name)
    client.upload_signing_certificate(UserName=name, CertificateBody=CERTIFICATE)
    client.upload_ssh_public_key(UserName=name, SSHPublicKeyBody=SSH_KEY)
    serial = client.create_virtual_mfa_device(VirtualMFADeviceName=f"{name}-phone")[
        "VirtualMFADevice"
    ]["SerialNumber"]
    client.enable_mfa_device(
        UserName=name,
        SerialNumber=serial,
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )
    client.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=policy_text())
    policy = iam.create_policy("read", document=READ_BUCKET)
    iam.attach_user_policy(user=name, policy_arn=policy.arn)
    for group in ("devs", "ops"):
        iam.create_group(group)
        iam.add_user_to_group(user=name, group=group)
    return policy.arn


def test_force_removes_everything_then_the_user(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """delete_user(force=True) removes password, keys, certificate, SSH key, MFA device,
    policies and memberships, then the user; the policy and groups themselves stay."""
    policy_arn = loaded_user(iam_service)
    requests_sent.clear()

    iam_service.delete_user("alice", force=True)

    assert list(iam_service.users()) == []
    assert iam_service.policy(policy_arn).attachment_count == 0
    assert {group.name for group in iam_service.groups()} == {"devs", "ops"}
    assert list(iam_service.users_in_group("devs")) == []
    assert iam_service.client.list_virtual_mfa_devices()["VirtualMFADevices"] == []
    removals = [op for op in requests_sent.operations if not op.startswith(("List", "Get"))]
    assert removals == [
        "DeleteLoginProfile",
        "DeleteAccessKey",
        "DeleteAccessKey",
        "DeleteSigningCertificate",
        "DeleteSSHPublicKey",
        "DeactivateMFADevice",
        "DeleteVirtualMFADevice",
        "DeleteUserPolicy",
        "DetachUserPolicy",
        "RemoveUserFromGroup",
        "RemoveUserFromGroup",
        "DeleteUser",
    ]


def test_force_on_a_bare_user_only_deletes_it(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """A user with nothing attached is deleted after the look-ups, with no other change."""
    iam_service.create_user("bob")
    requests_sent.clear()

    iam_service.delete_user("bob", force=True)

    assert list(iam_service.users()) == []
    assert [op for op in requests_sent.operations if not op.startswith(("List", "Get"))] == [
        "DeleteUser"
    ]


def test_force_on_an_unknown_user_is_not_found_and_removes_nothing(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """delete_user("nobody", force=True) raises NotFoundError after its first look-up."""
    with pytest.raises(NotFoundError):
        iam_service.delete_user("nobody", force=True)

    assert requests_sent.operations == ["ListAccessKeys"]


def test_without_force_aws_refuses_a_user_with_keys(iam_service: IamService) -> None:
    """AWS answers DeleteConflict for a user with keys (moto deletes it): InUseError, and the
    user and its key are still there."""
    iam_service.create_user("alice")
    key = iam_service.create_access_key("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("DeleteConflict", status=409))

    with pytest.raises(InUseError) as caught:
        iam_service.delete_user("alice")

    assert caught.value.code == "DeleteConflict"
    assert [k.id for k in iam_service.access_keys("alice")] == [key.id]


def test_a_failed_step_reports_what_was_done_and_what_remains(iam_service: IamService) -> None:
    """If detaching the policy fails, PartialFailureError names the removed keys as done and
    the policy, the memberships and the user (last) as not done; nothing went missing."""
    policy_arn = loaded_user(iam_service)
    failure = answer_calls(
        iam_service.client, "DetachUserPolicy", error_answer("ServiceFailure", status=500)
    )

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_user("alice", force=True)

    error = caught.value
    assert failure.sent >= 1
    assert error.operation == "DeleteUser"
    assert error.done[0] == "login profile"
    assert sum(step.startswith("access key ") for step in error.done) == 2
    assert error.done[-1] == "inline policy inline"
    assert error.not_done == (
        f"attached policy {policy_arn}",
        "membership of group devs",
        "membership of group ops",
        "user alice",
    )
    assert isinstance(error.error, ServiceError)
    assert error.__cause__ is error.error
    assert "8 done" in str(error)
    assert "4 not done" in str(error)
    assert iam_service.user("alice").name == "alice"
    assert [p.arn for p in iam_service.attached_user_policies("alice")] == [policy_arn]
    assert list(iam_service.access_keys("alice")) == []


def test_something_removed_concurrently_is_no_failure(iam_service: IamService) -> None:
    """A key that another process deleted meanwhile (NoSuchEntity) counts as removed."""
    iam_service.create_user("alice")
    iam_service.create_access_key("alice")
    gone = answer_calls(
        iam_service.client, "DeleteAccessKey", error_answer("NoSuchEntity", status=404)
    )

    iam_service.delete_user("alice", force=True)

    assert gone.sent == 1
    assert list(iam_service.users()) == []


def test_user_deleted_concurrently_at_the_end_is_no_failure(iam_service: IamService) -> None:
    """If the user itself is gone when its DeleteUser is sent, force succeeds quietly."""
    iam_service.create_user("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("NoSuchEntity", status=404))

    iam_service.delete_user("alice", force=True)


def test_user_delete_failing_at_the_end_names_only_the_user(iam_service: IamService) -> None:
    """If the final DeleteUser fails (not in use, not gone), everything before it is done and
    only the user is not."""
    iam_service.create_user("alice")
    iam_service.create_access_key("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("ServiceFailure", status=500))

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_user("alice", force=True)

    assert caught.value.not_done == ("user alice",)
    assert [step.split()[0] for step in caught.value.done] == ["access"]
    assert type(caught.value.error) is ServiceError


def credentials(credential_id: str, marker: str | None = None) -> dict[str, object]:
    """A page of ListServiceSpecificCredentials holding one credential."""
    page: dict[str, object] = {
        "ServiceSpecificCredentials": [
            {
                "UserName": "alice",
                "Status": "Active",
                "ServiceUserName": "alice-at-123",
                "CreateDate": WHEN,
                "ServiceSpecificCredentialId": credential_id,
                "ServiceName": "codecommit.amazonaws.com",
            }
        ],
        "IsTruncated": marker is not None,
    }
    if marker is not None:
        page["Marker"] = marker
    return page


def test_force_removes_service_specific_credentials_when_aws_still_refuses(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """When DeleteUser still says DeleteConflict, the user's service-specific credentials
    (every page of them) are deleted and the user with them (moto lacks these calls)."""
    iam_service.create_user("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("DeleteConflict", status=409))
    first, second = "ACCA" + "1" * 17, "ACCA" + "2" * 17
    listing = answer_calls(
        iam_service.client,
        "ListServiceSpecificCredentials",
        result_answer(credentials(first, marker="page2")),
        result_answer(credentials(second)),
    )
    deleted = answer_calls(
        iam_service.client,
        "DeleteServiceSpecificCredential",
        result_answer(),
        result_answer(),
    )

    iam_service.delete_user("alice", force=True)

    assert (listing.sent, deleted.sent) == (2, 2)
    assert "Marker" not in listing.bodies[0]
    assert listing.bodies[1]["Marker"] == "page2"
    assert [body["ServiceSpecificCredentialId"] for body in deleted.bodies] == [first, second]
    assert requests_sent.count("DeleteUser") == 1  # the second; the first was answered
    assert list(iam_service.users()) == []


def test_conflict_with_nothing_left_to_remove_is_a_partial_failure(
    iam_service: IamService,
) -> None:
    """DeleteConflict with no credential left to remove: PartialFailureError, user not done."""
    iam_service.create_user("alice")
    iam_service.create_access_key("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("DeleteConflict", status=409))
    answer_calls(
        iam_service.client,
        "ListServiceSpecificCredentials",
        result_answer({"ServiceSpecificCredentials": [], "IsTruncated": False}),
    )

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_user("alice", force=True)

    assert caught.value.not_done == ("user alice",)
    assert len(caught.value.done) == 1
    assert caught.value.done[0].startswith("access key ")
    assert isinstance(caught.value.error, InUseError)


def test_conflict_and_a_failed_credential_listing_is_a_partial_failure(
    iam_service: IamService,
) -> None:
    """If listing the service-specific credentials fails, PartialFailureError carries that."""
    iam_service.create_user("alice")
    answer_calls(iam_service.client, "DeleteUser", error_answer("DeleteConflict", status=409))
    answer_calls(
        iam_service.client,
        "ListServiceSpecificCredentials",
        error_answer("NotSupportedService", status=404),
    )

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_user("alice", force=True)

    assert (caught.value.done, caught.value.not_done) == ((), ("user alice",))
    assert caught.value.error.__class__ is ServiceError  # NotSupportedService: no pattern


def test_hardware_mfa_is_deactivated_not_deleted(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """A hardware MFA device (serial not an ARN) is deactivated; only virtual ones are deleted."""
    iam_service.create_user("alice")
    iam_service.client.enable_mfa_device(
        UserName="alice",
        SerialNumber="GAHT12345678",
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )
    requests_sent.clear()

    iam_service.delete_user("alice", force=True)

    assert requests_sent.bodies("DeactivateMFADevice")[0]["SerialNumber"] == "GAHT12345678"
    assert requests_sent.count("DeleteVirtualMFADevice") == 0


# -- roles -----------------------------------------------------------------------------------


def loaded_role(iam: IamService, name: str = "app") -> str:
    """A role with an attached and an inline policy, in an instance profile; the policy ARN."""
    client = iam.client
    iam.create_role(name, assume_role_policy=TRUST)
    policy = iam.create_policy("read", document=READ_BUCKET)
    iam.attach_role_policy(role=name, policy_arn=policy.arn)
    client.put_role_policy(RoleName=name, PolicyName="inline", PolicyDocument=policy_text())
    client.create_instance_profile(InstanceProfileName="web")
    client.add_role_to_instance_profile(InstanceProfileName="web", RoleName=name)
    return policy.arn


def policy_text() -> str:
    """READ_BUCKET as JSON text."""
    return json.dumps(READ_BUCKET)


def test_role_in_an_instance_profile_is_in_use_without_force(iam_service: IamService) -> None:
    """Without force, a role in an instance profile raises InUseError and stays."""
    loaded_role(iam_service)

    with pytest.raises(InUseError):
        iam_service.delete_role("app")

    assert iam_service.role("app").name == "app"


def test_force_removes_a_roles_policies_and_profiles_then_the_role(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """delete_role(force=True) detaches, deletes inline policies, leaves instance profiles,
    then deletes the role; the managed policy and the profile stay."""
    policy_arn = loaded_role(iam_service)
    requests_sent.clear()

    iam_service.delete_role("app", force=True)

    assert list(iam_service.roles()) == []
    assert iam_service.policy(policy_arn).attachment_count == 0
    profile = iam_service.client.get_instance_profile(InstanceProfileName="web")
    assert profile["InstanceProfile"]["Roles"] == []
    assert [op for op in requests_sent.operations if not op.startswith(("List", "Get"))] == [
        "DetachRolePolicy",
        "DeleteRolePolicy",
        "RemoveRoleFromInstanceProfile",
        "DeleteRole",
    ]


def test_force_on_an_unknown_role_is_not_found(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """delete_role("nobody", force=True) raises NotFoundError after its first look-up."""
    with pytest.raises(NotFoundError):
        iam_service.delete_role("nobody", force=True)

    assert requests_sent.operations == ["ListAttachedRolePolicies"]


def test_role_step_failure_is_a_partial_failure(iam_service: IamService) -> None:
    """A role AWS will not let go of its profile: PartialFailureError, policies done, the
    profile and the role not done."""
    policy_arn = loaded_role(iam_service)
    answer_calls(
        iam_service.client,
        "RemoveRoleFromInstanceProfile",
        error_answer("UnmodifiableEntity"),
    )

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_role("app", force=True)

    assert caught.value.done == (f"attached policy {policy_arn}", "inline policy inline")
    assert caught.value.not_done == ("instance profile web", "role app")
    assert isinstance(caught.value.error, InvalidRequestError)
    assert iam_service.role("app").name == "app"


def test_role_delete_failure_at_the_end_names_only_the_role(iam_service: IamService) -> None:
    """If DeleteRole itself fails after every step, not_done is just the role."""
    iam_service.create_role("app", assume_role_policy=TRUST)
    answer_calls(
        iam_service.client, "DeleteRole", error_answer("ConcurrentModification", status=409)
    )

    with pytest.raises(PartialFailureError) as caught:
        iam_service.delete_role("app", force=True)

    assert (caught.value.done, caught.value.not_done) == ((), ("role app",))
