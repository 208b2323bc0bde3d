"""The parse floor: the eleven main listings against the raw paginator loop on canned pages.

Run it from the repository root::

    python benchmarks/listings.py                  # 5,000 items a listing (about a minute)
    python benchmarks/listings.py --quick          # 1,000 items, fewer repetitions
    python benchmarks/listings.py --json out.json  # and write every row as JSON

No moto in the timed path: every request is answered at ``before-send`` with a canned AWS page
(an ``AWSResponse``, status 200, the XML body AWS sends), built from a template of one item
repeated with distinct ids. What is left to time is botocore (signing, parsing, paging) and
what each side does with the items: the facade builds its models, the raw loop (the one a
boto3 user writes, ``for page in paginator.paginate(): for item in page[...]``) only walks
the dicts. ``ratio`` = facade / raw, medians of 7 alternating runs a side (3 with
``--quick``), each timed in this process's CPU time (``time.process_time``): nothing here
waits on I/O, and on a shared machine wall time would add whatever other processes take.

Equal parse work: in the timed runs both sides get the *same* pages (the facade's page size,
whatever the request asks), so the ratio compares identical parsing. ``parse_us_per_item`` is
the raw loop's time per item (botocore's whole cost); ``convert_us_per_item`` is the
converter alone on items parsed beforehand (``_from_boto`` over each item).

Request counts are counted separately, with answers that honour the page size each side
asks for (AWS's default page where a request names none): ``requests_facade`` and
``requests_raw`` for the same number of items.

``listing_rows(quick)`` is the entry point ``benchmarks/run.py`` uses.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Final, TypeVar
from urllib.parse import parse_qs, urlsplit

from botocore.awsrequest import AWSResponse, HTTPHeaders

from awsfacade.autoscaling import AutoScalingGroup, AutoScalingService
from awsfacade.ec2 import Ec2Service, Instance, SecurityGroup, Subnet, Vpc
from awsfacade.iam import Group, IamService, User
from awsfacade.rds import DbInstance, RdsService
from awsfacade.route53 import HostedZone, RecordSet, Route53Service
from awsfacade.s3 import S3Object, S3Service
from awsfacade.testing import fake_environment, new_session

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSPreparedRequest
    from mypy_boto3_autoscaling import AutoScalingClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_ec2.type_defs import DescribeInstancesResultTypeDef, InstanceTypeDef
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_rds import RDSClient
    from mypy_boto3_route53 import Route53Client
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ObjectTypeDef

P_ = TypeVar("P_")
I_ = TypeVar("I_")

ITEMS: Final = 5000
QUICK_ITEMS: Final = 1000
BUCKET: Final = "bench-bucket"
ZONE: Final = "Z0123456789ABCDEFGHIJ"


@dataclass(frozen=True)
class ListingRow:
    """One listing's figures: times, their ratio, per-item costs and request counts."""

    listing: str
    items: int
    #: Median seconds to list ``items`` items through the facade, and through the raw loop.
    facade_s: float
    raw_s: float
    #: facade_s / raw_s (the issue's bar: at most 1.05).
    ratio: float
    #: The raw loop's time per item: botocore's parse (and signing, paging) per item.
    parse_us_per_item: float
    #: The facade's converter alone, per item already parsed.
    convert_us_per_item: float
    #: (facade_s - raw_s) per item: what the facade adds end to end, noise included.
    overhead_us_per_item: float
    #: Requests to list ``items`` items, each side getting the page size it asks for.
    requests_facade: int
    requests_raw: int
    #: The page size each side asks for (None: the request names none; AWS's default then).
    page_size_facade: int | None
    page_size_raw: int | None
    note: str = ""


# -- canned pages ------------------------------------------------------------------------


@dataclass(frozen=True)
class Wire:
    """Where a list operation's page size and continuation token are in a request, and the
    page AWS sends when the request names no size (``None``: every item at once)."""

    size: str
    token: str
    default: int | None


class _Body:
    """The raw body botocore's AWSResponse reads a canned page from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield self._body


def _request_params(request: AWSPreparedRequest) -> dict[str, str]:
    """The request's parameters: the form body (query protocols) and the URL's query."""
    params = {key: values[0] for key, values in parse_qs(urlsplit(request.url).query).items()}
    body = request.body
    if isinstance(body, bytes):
        body = body.decode()
    if isinstance(body, str) and body:
        params.update({key: values[0] for key, values in parse_qs(body).items()})
    return params


_OFFSET = re.compile(r"o(\d+)")


class CannedPages:
    """A ``before-send`` handler answering one list operation from ``total`` canned items.

    The continuation token encodes the offset of the next item (``o1000``). With ``fixed``
    every page holds ``fixed`` items whatever the request asks (equal parse work for both
    sides); without it, the request's page size is honoured, AWS's default if it names none.
    Pages are built once and cached, so building them is not timed.
    """

    def __init__(
        self,
        wire: Wire,
        item: Callable[[int], str],
        page: Callable[[str, str | None], str],
        total: int,
    ) -> None:
        self.wire = wire
        self.items = [item(index) for index in range(total)]
        self.page = page
        self.total = total
        self.fixed: int | None = None
        self.requests = 0
        self.sizes: list[int | None] = []
        self._cache: dict[tuple[int, int], bytes] = {}

    def body(self, offset: int, size: int) -> bytes:
        """The page of ``size`` items from ``offset``."""
        key = (offset, size)
        cached = self._cache.get(key)
        if cached is None:
            end = min(offset + size, self.total)
            token = f"o{end}" if end < self.total else None
            cached = self.page("".join(self.items[offset:end]), token).encode()
            self._cache[key] = cached
        return cached

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> AWSResponse:
        params = _request_params(request)
        found = _OFFSET.search(params.get(self.wire.token, ""))
        offset = int(found.group(1)) if found else 0
        asked = params.get(self.wire.size)
        self.requests += 1
        self.sizes.append(None if asked is None else int(asked))
        size = self.fixed or (int(asked) if asked else self.wire.default) or self.total
        return AWSResponse(request.url, 200, HTTPHeaders(), _Body(self.body(offset, size)))


# -- the item templates (fields as AWS's API references show them) -------------------------

_TIME = "2026-01-02T03:04:05.000Z"
_EC2_NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"'
_TAGS = (
    "<tagSet><item><key>Name</key><value>web-{i}</value></item>"
    "<item><key>team</key><value>platform</value></item></tagSet>"
)


def _ec2_page(operation: str, items_tag: str) -> Callable[[str, str | None], str]:
    def page(items: str, token: str | None) -> str:
        next_token = f"<nextToken>{token}</nextToken>" if token else ""
        return (
            f"<{operation}Response {_EC2_NS}><requestId>bench-1</requestId>"
            f"<{items_tag}>{items}</{items_tag}>{next_token}</{operation}Response>"
        )

    return page


def _instance_item(i: int) -> str:
    tags = _TAGS.format(i=i)
    return (
        f"<item><reservationId>r-{i:017x}</reservationId><ownerId>123456789012</ownerId>"
        "<groupSet/><instancesSet><item>"
        f"<instanceId>i-{i:017x}</instanceId><imageId>ami-0abcdef1234567890</imageId>"
        "<instanceState><code>16</code><name>running</name></instanceState>"
        f"<privateDnsName>ip-10-0-{i // 250 % 256}-{i % 250}.ec2.internal</privateDnsName>"
        "<dnsName/><reason/><keyName>deployer</keyName><amiLaunchIndex>0</amiLaunchIndex>"
        "<productCodes/><instanceType>t3.micro</instanceType>"
        f"<launchTime>{_TIME}</launchTime>"
        "<placement><availabilityZone>us-east-1a</availabilityZone><groupName/>"
        "<tenancy>default</tenancy></placement>"
        "<monitoring><state>disabled</state></monitoring>"
        "<subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0123456789abcdef0</vpcId>"
        f"<privateIpAddress>10.0.{i // 250 % 256}.{i % 250}</privateIpAddress>"
        "<sourceDestCheck>true</sourceDestCheck>"
        "<groupSet><item><groupId>sg-0123456789abcdef0</groupId><groupName>web</groupName>"
        "</item></groupSet>"
        "<architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
        "<rootDeviceName>/dev/xvda</rootDeviceName>"
        "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs>"
        f"<volumeId>vol-{i:017x}</volumeId><status>attached</status>"
        f"<attachTime>{_TIME}</attachTime><deleteOnTermination>true</deleteOnTermination>"
        "</ebs></item></blockDeviceMapping>"
        "<virtualizationType>hvm</virtualizationType>"
        f"<clientToken>token-{i}</clientToken>{tags}<hypervisor>xen</hypervisor>"
        "<networkInterfaceSet><item>"
        f"<networkInterfaceId>eni-{i:017x}</networkInterfaceId>"
        "<subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0123456789abcdef0</vpcId>"
        "<description/><ownerId>123456789012</ownerId><status>in-use</status>"
        "<macAddress>0a:1b:2c:3d:4e:5f</macAddress>"
        f"<privateIpAddress>10.0.{i // 250 % 256}.{i % 250}</privateIpAddress>"
        "<sourceDestCheck>true</sourceDestCheck>"
        "<groupSet><item><groupId>sg-0123456789abcdef0</groupId><groupName>web</groupName>"
        "</item></groupSet>"
        f"<attachment><attachmentId>eni-attach-{i:017x}</attachmentId>"
        "<deviceIndex>0</deviceIndex><status>attached</status>"
        f"<attachTime>{_TIME}</attachTime><deleteOnTermination>true</deleteOnTermination>"
        "<networkCardIndex>0</networkCardIndex></attachment>"
        "<privateIpAddressesSet><item>"
        f"<privateIpAddress>10.0.{i // 250 % 256}.{i % 250}</privateIpAddress>"
        "<primary>true</primary></item></privateIpAddressesSet>"
        "<ipv6AddressesSet/><interfaceType>interface</interfaceType></item>"
        "</networkInterfaceSet>"
        "<ebsOptimized>false</ebsOptimized><enaSupport>true</enaSupport>"
        "<cpuOptions><coreCount>1</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>"
        "<capacityReservationSpecification><capacityReservationPreference>open"
        "</capacityReservationPreference></capacityReservationSpecification>"
        "<hibernationOptions><configured>false</configured></hibernationOptions>"
        "<metadataOptions><state>applied</state><httpTokens>required</httpTokens>"
        "<httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled"
        "</httpEndpoint></metadataOptions>"
        "<enclaveOptions><enabled>false</enabled></enclaveOptions>"
        "<platformDetails>Linux/UNIX</platformDetails><usageOperation>RunInstances"
        "</usageOperation><bootMode>uefi-preferred</bootMode>"
        "<privateDnsNameOptions><hostnameType>ip-name</hostnameType>"
        "<enableResourceNameDnsARecord>false</enableResourceNameDnsARecord>"
        "</privateDnsNameOptions>"
        "<maintenanceOptions><autoRecovery>default</autoRecovery></maintenanceOptions>"
        "<currentInstanceBootMode>legacy-bios</currentInstanceBootMode>"
        "</item></instancesSet></item>"
    )


def _rule(protocol: str, port: str, cidr: str) -> str:
    return (
        f"<item><ipProtocol>{protocol}</ipProtocol>{port}<groups/>"
        f"<ipRanges><item><cidrIp>{cidr}</cidrIp><description>office</description></item>"
        "</ipRanges><ipv6Ranges/><prefixListIds/></item>"
    )


def _group_item(i: int) -> str:
    ports = "<fromPort>443</fromPort><toPort>443</toPort>"
    return (
        f"<item><ownerId>123456789012</ownerId><groupId>sg-{i:017x}</groupId>"
        f"<groupName>group-{i}</groupName><groupDescription>web tier {i}</groupDescription>"
        "<vpcId>vpc-0123456789abcdef0</vpcId>"
        f"<ipPermissions>{_rule('tcp', ports, '10.0.0.0/16')}</ipPermissions>"
        f"<ipPermissionsEgress>{_rule('-1', '', '0.0.0.0/0')}</ipPermissionsEgress>"
        f"{_TAGS.format(i=i)}"
        f"<securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-{i:017x}"
        "</securityGroupArn></item>"
    )


def _vpc_item(i: int) -> str:
    return (
        f"<item><vpcId>vpc-{i:017x}</vpcId><ownerId>123456789012</ownerId>"
        "<state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>"
        "<cidrBlockAssociationSet><item><cidrBlock>10.0.0.0/16</cidrBlock>"
        f"<associationId>vpc-cidr-assoc-{i:017x}</associationId>"
        "<cidrBlockState><state>associated</state></cidrBlockState></item>"
        "</cidrBlockAssociationSet>"
        "<dhcpOptionsId>dopt-0123456789abcdef0</dhcpOptionsId>"
        f"{_TAGS.format(i=i)}<instanceTenancy>default</instanceTenancy>"
        "<isDefault>false</isDefault></item>"
    )


def _subnet_item(i: int) -> str:
    return (
        f"<item><subnetId>subnet-{i:017x}</subnetId>"
        f"<subnetArn>arn:aws:ec2:us-east-1:123456789012:subnet/subnet-{i:017x}</subnetArn>"
        "<state>available</state><ownerId>123456789012</ownerId>"
        "<vpcId>vpc-0123456789abcdef0</vpcId>"
        f"<cidrBlock>10.{i // 256 % 256}.{i % 256}.0/24</cidrBlock>"
        "<ipv6CidrBlockAssociationSet/><availableIpAddressCount>251</availableIpAddressCount>"
        "<availabilityZone>us-east-1a</availabilityZone>"
        "<availabilityZoneId>use1-az1</availabilityZoneId><defaultForAz>false</defaultForAz>"
        "<mapPublicIpOnLaunch>false</mapPublicIpOnLaunch>"
        "<assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation>"
        f"{_TAGS.format(i=i)}<mapCustomerOwnedIpOnLaunch>false</mapCustomerOwnedIpOnLaunch>"
        "<enableDns64>false</enableDns64><ipv6Native>false</ipv6Native>"
        "<privateDnsNameOptionsOnLaunch><hostnameType>ip-name</hostnameType>"
        "<enableResourceNameDnsARecord>false</enableResourceNameDnsARecord>"
        "<enableResourceNameDnsAAAARecord>false</enableResourceNameDnsAAAARecord>"
        "</privateDnsNameOptionsOnLaunch>"
        "<blockPublicAccessStates><internetGatewayBlockMode>off</internetGatewayBlockMode>"
        "</blockPublicAccessStates></item>"
    )


def _query_page(
    operation: str, namespace: str, items_tag: str, token_tag: str, after: bool = False
) -> Callable[[str, str | None], str]:
    """A query-protocol page (RDS, AutoScaling, IAM): ``<Op>Result`` holds the items and the
    token; IAM adds ``IsTruncated`` (``after``: the token follows the items)."""

    def page(items: str, token: str | None) -> str:
        next_token = f"<{token_tag}>{token}</{token_tag}>" if token else ""
        truncated = f"<IsTruncated>{'true' if token else 'false'}</IsTruncated>" if after else ""
        listed = f"<{items_tag}>{items}</{items_tag}>"
        inner = listed + truncated + next_token if after else next_token + listed
        return (
            f'<{operation}Response xmlns="{namespace}"><{operation}Result>{inner}'
            f"</{operation}Result><ResponseMetadata><RequestId>bench-1</RequestId>"
            f"</ResponseMetadata></{operation}Response>"
        )

    return page


def _db_instance_item(i: int) -> str:
    name = f"db-{i:05d}"
    return (
        f"<DBInstance><DBInstanceIdentifier>{name}</DBInstanceIdentifier>"
        "<DBInstanceClass>db.t3.micro</DBInstanceClass><Engine>postgres</Engine>"
        "<DBInstanceStatus>available</DBInstanceStatus><MasterUsername>admin</MasterUsername>"
        f"<Endpoint><Address>{name}.abcdefghijkl.us-east-1.rds.amazonaws.com</Address>"
        "<Port>5432</Port><HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId></Endpoint>"
        f"<AllocatedStorage>20</AllocatedStorage><InstanceCreateTime>{_TIME}"
        "</InstanceCreateTime><PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>"
        "<BackupRetentionPeriod>7</BackupRetentionPeriod><DBSecurityGroups/>"
        "<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>"
        "sg-0123456789abcdef0</VpcSecurityGroupId><Status>active</Status>"
        "</VpcSecurityGroupMembership></VpcSecurityGroups>"
        "<DBParameterGroups><DBParameterGroup><DBParameterGroupName>default.postgres16"
        "</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus>"
        "</DBParameterGroup></DBParameterGroups><AvailabilityZone>us-east-1a"
        "</AvailabilityZone><DBSubnetGroup><DBSubnetGroupName>private</DBSubnetGroupName>"
        "<DBSubnetGroupDescription>private subnets</DBSubnetGroupDescription>"
        "<VpcId>vpc-0123456789abcdef0</VpcId><SubnetGroupStatus>Complete</SubnetGroupStatus>"
        "<Subnets><Subnet><SubnetIdentifier>subnet-0123456789abcdef0</SubnetIdentifier>"
        "<SubnetAvailabilityZone><Name>us-east-1a</Name></SubnetAvailabilityZone>"
        "<SubnetOutpost/><SubnetStatus>Active</SubnetStatus></Subnet>"
        "<Subnet><SubnetIdentifier>subnet-0123456789abcdef1</SubnetIdentifier>"
        "<SubnetAvailabilityZone><Name>us-east-1b</Name></SubnetAvailabilityZone>"
        "<SubnetOutpost/><SubnetStatus>Active</SubnetStatus></Subnet></Subnets>"
        "</DBSubnetGroup><PreferredMaintenanceWindow>sun:05:00-sun:05:30"
        "</PreferredMaintenanceWindow><PendingModifiedValues/>"
        f"<LatestRestorableTime>{_TIME}</LatestRestorableTime><MultiAZ>false</MultiAZ>"
        "<EngineVersion>16.3</EngineVersion><AutoMinorVersionUpgrade>true"
        "</AutoMinorVersionUpgrade><ReadReplicaDBInstanceIdentifiers/>"
        "<LicenseModel>postgresql-license</LicenseModel><OptionGroupMemberships>"
        "<OptionGroupMembership><OptionGroupName>default:postgres-16</OptionGroupName>"
        "<Status>in-sync</Status></OptionGroupMembership></OptionGroupMemberships>"
        "<PubliclyAccessible>false</PubliclyAccessible><StorageType>gp3</StorageType>"
        "<DbInstancePort>0</DbInstancePort><StorageEncrypted>true</StorageEncrypted>"
        f"<KmsKeyId>arn:aws:kms:us-east-1:123456789012:key/{i:08d}</KmsKeyId>"
        f"<DbiResourceId>db-{i:026d}</DbiResourceId>"
        "<CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>"
        "<DomainMemberships/><CopyTagsToSnapshot>true</CopyTagsToSnapshot>"
        "<MonitoringInterval>0</MonitoringInterval>"
        f"<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:{name}</DBInstanceArn>"
        "<IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>"
        "<PerformanceInsightsEnabled>false</PerformanceInsightsEnabled>"
        "<DeletionProtection>false</DeletionProtection><AssociatedRoles/>"
        "<TagList><Tag><Key>team</Key><Value>platform</Value></Tag>"
        f"<Tag><Key>Name</Key><Value>{name}</Value></Tag></TagList>"
        "<CustomerOwnedIpEnabled>false</CustomerOwnedIpEnabled>"
        "<BackupTarget>region</BackupTarget><NetworkType>IPV4</NetworkType>"
        "<StorageThroughput>125</StorageThroughput><CertificateDetails>"
        "<CAIdentifier>rds-ca-rsa2048-g1</CAIdentifier>"
        f"<ValidTill>{_TIME}</ValidTill></CertificateDetails>"
        "<DedicatedLogVolume>false</DedicatedLogVolume>"
        "<IsStorageConfigUpgradeAvailable>false</IsStorageConfigUpgradeAvailable>"
        "<EngineLifecycleSupport>open-source-rds-extended-support</EngineLifecycleSupport>"
        "</DBInstance>"
    )


def _asg_item(i: int) -> str:
    name = f"asg-{i:05d}"
    arn = (
        "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
        f"{i:08d}-1111-2222-3333-444444444444:autoScalingGroupName/{name}"
    )
    template = (
        "<LaunchTemplate><LaunchTemplateId>lt-0123456789abcdef0</LaunchTemplateId>"
        "<LaunchTemplateName>web</LaunchTemplateName><Version>$Default</Version>"
        "</LaunchTemplate>"
    )
    instances = "".join(
        f"<member><InstanceId>i-{i:012x}{n:05x}</InstanceId><InstanceType>t3.micro"
        "</InstanceType><AvailabilityZone>us-east-1a</AvailabilityZone>"
        "<LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus>"
        f"{template}<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>"
        for n in range(2)
    )
    tags = "".join(
        f"<member><ResourceId>{name}</ResourceId><ResourceType>auto-scaling-group"
        f"</ResourceType><Key>{key}</Key><Value>{value}</Value>"
        "<PropagateAtLaunch>true</PropagateAtLaunch></member>"
        for key, value in (("Name", name), ("team", "platform"))
    )
    return (
        f"<member><AutoScalingGroupName>{name}</AutoScalingGroupName>"
        f"<AutoScalingGroupARN>{arn}</AutoScalingGroupARN>{template}"
        "<MinSize>1</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2</DesiredCapacity>"
        "<DefaultCooldown>300</DefaultCooldown><AvailabilityZones><member>us-east-1a"
        "</member><member>us-east-1b</member></AvailabilityZones><LoadBalancerNames/>"
        "<TargetGroupARNs/><HealthCheckType>EC2</HealthCheckType>"
        f"<HealthCheckGracePeriod>300</HealthCheckGracePeriod><Instances>{instances}"
        f"</Instances><CreatedTime>{_TIME}</CreatedTime><SuspendedProcesses/>"
        "<VPCZoneIdentifier>subnet-0123456789abcdef0,subnet-0123456789abcdef1"
        f"</VPCZoneIdentifier><EnabledMetrics/><Tags>{tags}</Tags>"
        "<TerminationPolicies><member>Default</member></TerminationPolicies>"
        "<NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn>"
        "<ServiceLinkedRoleARN>arn:aws:iam::123456789012:role/aws-service-role/"
        "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling</ServiceLinkedRoleARN>"
        "<CapacityRebalance>false</CapacityRebalance><TrafficSources/></member>"
    )


def _user_item(i: int) -> str:
    return (
        f"<member><Path>/division_abc/</Path><UserName>user-{i:05d}</UserName>"
        f"<UserId>AIDA{i:017d}</UserId>"
        f"<Arn>arn:aws:iam::123456789012:user/division_abc/user-{i:05d}</Arn>"
        f"<CreateDate>{_TIME}</CreateDate><PasswordLastUsed>{_TIME}</PasswordLastUsed>"
        "</member>"
    )


def _iam_group_item(i: int) -> str:
    return (
        f"<member><Path>/</Path><GroupName>group-{i:05d}</GroupName>"
        f"<GroupId>AGPA{i:017d}</GroupId>"
        f"<Arn>arn:aws:iam::123456789012:group/group-{i:05d}</Arn>"
        f"<CreateDate>{_TIME}</CreateDate></member>"
    )


def _objects_page(items: str, token: str | None) -> str:
    truncated = "true" if token else "false"
    next_token = f"<NextContinuationToken>{token}</NextContinuationToken>" if token else ""
    return (
        '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        f"<Name>{BUCKET}</Name><Prefix></Prefix><KeyCount>{items.count('<Key>')}</KeyCount>"
        f"<MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>{truncated}"
        f"</IsTruncated>{items}{next_token}</ListBucketResult>"
    )


def _object_item(i: int) -> str:
    return (
        f"<Contents><Key>logs/2026/01/02/object-{i:06d}.json.gz</Key>"
        f"<LastModified>{_TIME}</LastModified>"
        f"<ETag>&quot;{i:032x}&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm>"
        f"<ChecksumType>FULL_OBJECT</ChecksumType><Size>{1000 + i}</Size>"
        "<StorageClass>STANDARD</StorageClass></Contents>"
    )


_ROUTE53_NS = 'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"'


def _zones_page(items: str, token: str | None) -> str:
    truncated = "true" if token else "false"
    next_marker = f"<NextMarker>{token}</NextMarker>" if token else ""
    return (
        f"<ListHostedZonesResponse {_ROUTE53_NS}><HostedZones>{items}</HostedZones>"
        f"<Marker/><IsTruncated>{truncated}</IsTruncated>{next_marker}"
        "<MaxItems>100</MaxItems></ListHostedZonesResponse>"
    )


def _zone_item(i: int) -> str:
    return (
        f"<HostedZone><Id>/hostedzone/Z{i:020d}</Id><Name>zone-{i:05d}.example.com.</Name>"
        f"<CallerReference>bench-{i}</CallerReference><Config><Comment>zone {i}</Comment>"
        "<PrivateZone>false</PrivateZone></Config>"
        "<ResourceRecordSetCount>12</ResourceRecordSetCount></HostedZone>"
    )


def _records_page(items: str, token: str | None) -> str:
    truncated = "true" if token else "false"
    following = (
        f"<NextRecordName>{token}.example.com.</NextRecordName><NextRecordType>A</NextRecordType>"
        if token
        else ""
    )
    return (
        f"<ListResourceRecordSetsResponse {_ROUTE53_NS}><ResourceRecordSets>{items}"
        f"</ResourceRecordSets><IsTruncated>{truncated}</IsTruncated>{following}"
        "<MaxItems>300</MaxItems></ListResourceRecordSetsResponse>"
    )


def _record_item(i: int) -> str:
    return (
        f"<ResourceRecordSet><Name>host-{i:05d}.example.com.</Name><Type>A</Type>"
        f"<TTL>300</TTL><ResourceRecords><ResourceRecord><Value>192.0.{i // 256 % 256}."
        f"{i % 256}</Value></ResourceRecord><ResourceRecord><Value>198.51.100.{i % 256}"
        "</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>"
    )


# -- the eleven listings -------------------------------------------------------------------


#: Runs one side's listing to its end and returns how many items it saw.
Run = Callable[[], int]


@dataclass(frozen=True)
class Listing:
    """One listing: its canned wire, and how the facade and raw boto3 walk it."""

    name: str
    #: botocore's event name of the list operation (``before-send.<this>``).
    event: str
    wire: Wire
    item: Callable[[int], str]
    page: Callable[[str, str | None], str]
    #: The page size the facade asks for (the canned pages' size in the timed runs).
    facade_page: int
    #: Each builds its client from the session (not timed) and returns the timed run.
    facade: Callable[[Session], Run]
    raw: Callable[[Session], Run]
    #: Parses every page once (not timed) and returns a run of the converter alone.
    convert: Callable[[Session], Run]


def _count(found: Iterable[object]) -> int:
    seen = 0
    for _ in found:
        seen += 1
    return seen


# pyright strict calls Session.client "partially unknown" (the overloads of services whose
# stubs are not installed return Unknown); each of these overloads returns the typed client.


def _ec2(session: Session) -> EC2Client:
    return session.client("ec2")  # pyright: ignore[reportUnknownMemberType]


def _rds(session: Session) -> RDSClient:
    return session.client("rds")  # pyright: ignore[reportUnknownMemberType]


def _s3(session: Session) -> S3Client:
    return session.client("s3")  # pyright: ignore[reportUnknownMemberType]


def _route53(session: Session) -> Route53Client:
    return session.client("route53")  # pyright: ignore[reportUnknownMemberType]


def _autoscaling(session: Session) -> AutoScalingClient:
    return session.client("autoscaling")  # pyright: ignore[reportUnknownMemberType]


def _iam(session: Session) -> IAMClient:
    return session.client("iam")  # pyright: ignore[reportUnknownMemberType]


def _listing(  # noqa: PLR0917 - one listing's whole description, in the same order each time
    name: str,
    event: str,
    canned: tuple[Wire, Callable[[int], str], Callable[[str, str | None], str], int],
    facade: Callable[[Session], Callable[[], Iterable[object]]],
    pages: Callable[[Session], Callable[[], Iterable[P_]]],
    extract: Callable[[P_], Iterable[I_]],
    convert: Callable[[I_], object],
) -> Listing:
    """A :class:`Listing` from its canned wire (wire, item, page, the facade's page size),
    the facade's listing, raw boto3's pages and how the raw loop finds the items in a page,
    and the facade's converter of one item."""

    def facade_run(session: Session) -> Run:
        listing = facade(session)
        return lambda: _count(listing())

    def raw_run(session: Session) -> Run:
        paginate = pages(session)
        return lambda: _count(item for page in paginate() for item in extract(page))

    def convert_run(session: Session) -> Run:
        items = [item for page in pages(session)() for item in extract(page)]

        def run() -> int:
            for item in items:
                convert(item)
            return len(items)

        return run

    wire, item, page, facade_page = canned
    return Listing(name, event, wire, item, page, facade_page, facade_run, raw_run, convert_run)


def _reservations(page: DescribeInstancesResultTypeDef) -> Iterator[InstanceTypeDef]:
    return (i for r in page.get("Reservations", []) for i in r.get("Instances", []))


_EC2_WIRE = Wire("MaxResults", "NextToken", None)
_RDS_WIRE = Wire("MaxRecords", "Marker", 100)
_RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/"
_ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/"
_IAM_WIRE = Wire("MaxItems", "Marker", 100)
_IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"


def _object(item: ObjectTypeDef) -> S3Object:
    return S3Object._from_boto(item, BUCKET)


def listings() -> list[Listing]:
    """The eleven main listings."""
    ec2_page = 1000
    return [
        _listing(
            "EC2 instances",
            "ec2.DescribeInstances",
            (_EC2_WIRE, _instance_item, _ec2_page("DescribeInstances", "reservationSet"), ec2_page),
            lambda session: Ec2Service(session).instances,
            lambda session: _ec2(session).get_paginator("describe_instances").paginate,
            _reservations,
            Instance._from_boto,
        ),
        _listing(
            "EC2 security groups",
            "ec2.DescribeSecurityGroups",
            (
                _EC2_WIRE,
                _group_item,
                _ec2_page("DescribeSecurityGroups", "securityGroupInfo"),
                ec2_page,
            ),
            lambda session: Ec2Service(session).security_groups,
            lambda session: _ec2(session).get_paginator("describe_security_groups").paginate,
            lambda page: page.get("SecurityGroups", []),
            SecurityGroup._from_boto,
        ),
        _listing(
            "EC2 VPCs",
            "ec2.DescribeVpcs",
            (_EC2_WIRE, _vpc_item, _ec2_page("DescribeVpcs", "vpcSet"), ec2_page),
            lambda session: Ec2Service(session).vpcs,
            lambda session: _ec2(session).get_paginator("describe_vpcs").paginate,
            lambda page: page.get("Vpcs", []),
            Vpc._from_boto,
        ),
        _listing(
            "EC2 subnets",
            "ec2.DescribeSubnets",
            (_EC2_WIRE, _subnet_item, _ec2_page("DescribeSubnets", "subnetSet"), ec2_page),
            lambda session: Ec2Service(session).subnets,
            lambda session: _ec2(session).get_paginator("describe_subnets").paginate,
            lambda page: page.get("Subnets", []),
            Subnet._from_boto,
        ),
        _listing(
            "RDS instances",
            "rds.DescribeDBInstances",
            (
                _RDS_WIRE,
                _db_instance_item,
                _query_page("DescribeDBInstances", _RDS_NS, "DBInstances", "Marker"),
                100,
            ),
            lambda session: RdsService(session).instances,
            lambda session: _rds(session).get_paginator("describe_db_instances").paginate,
            lambda page: page.get("DBInstances", []),
            DbInstance._from_boto,
        ),
        _listing(
            "S3 objects",
            "s3.ListObjectsV2",
            (Wire("max-keys", "continuation-token", 1000), _object_item, _objects_page, 1000),
            lambda session: functools.partial(S3Service(session).objects, BUCKET),
            lambda session: functools.partial(
                _s3(session).get_paginator("list_objects_v2").paginate, Bucket=BUCKET
            ),
            lambda page: page.get("Contents", []),
            _object,
        ),
        _listing(
            "Route53 hosted zones",
            "route-53.ListHostedZones",
            (Wire("maxitems", "marker", 100), _zone_item, _zones_page, 100),
            lambda session: Route53Service(session).hosted_zones,
            lambda session: _route53(session).get_paginator("list_hosted_zones").paginate,
            lambda page: page.get("HostedZones", []),
            HostedZone._from_boto,
        ),
        _listing(
            "Route53 records",
            "route-53.ListResourceRecordSets",
            (Wire("maxitems", "name", 300), _record_item, _records_page, 300),
            lambda session: functools.partial(Route53Service(session).records, ZONE),
            lambda session: functools.partial(
                _route53(session).get_paginator("list_resource_record_sets").paginate,
                HostedZoneId=ZONE,
            ),
            lambda page: page.get("ResourceRecordSets", []),
            RecordSet._from_boto,
        ),
        _listing(
            "AutoScaling groups",
            "auto-scaling.DescribeAutoScalingGroups",
            (
                Wire("MaxRecords", "NextToken", 50),
                _asg_item,
                _query_page("DescribeAutoScalingGroups", _ASG_NS, "AutoScalingGroups", "NextToken"),
                100,
            ),
            lambda session: AutoScalingService(session).groups,
            lambda session: (
                _autoscaling(session).get_paginator("describe_auto_scaling_groups").paginate
            ),
            lambda page: page.get("AutoScalingGroups", []),
            AutoScalingGroup._from_boto,
        ),
        _listing(
            "IAM users",
            "iam.ListUsers",
            (
                _IAM_WIRE,
                _user_item,
                _query_page("ListUsers", _IAM_NS, "Users", "Marker", after=True),
                1000,
            ),
            lambda session: IamService(session).users,
            lambda session: _iam(session).get_paginator("list_users").paginate,
            lambda page: page.get("Users", []),
            User._from_boto,
        ),
        _listing(
            "IAM groups",
            "iam.ListGroups",
            (
                _IAM_WIRE,
                _iam_group_item,
                _query_page("ListGroups", _IAM_NS, "Groups", "Marker", after=True),
                1000,
            ),
            lambda session: IamService(session).groups,
            lambda session: _iam(session).get_paginator("list_groups").paginate,
            lambda page: page.get("Groups", []),
            Group._from_boto,
        ),
    ]


# -- measuring -------------------------------------------------------------------------------


def _timed(run: Run) -> tuple[float, int]:
    """This process's CPU time for ``run`` (no I/O here: wall time would add the time other
    processes on a shared machine take the CPU away), and what it returned."""
    gc.collect()
    start = time.process_time()
    seen = run()
    return time.process_time() - start, seen


_EC2_NOTE = (
    "requests: with no MaxResults EC2 answers every item at once (one request for raw "
    "boto3); the facade pages at 1,000, as AWS's EC2 pagination guide advises"
)


def measure(listing: Listing, items: int, repeat: int) -> ListingRow:
    """Time ``listing`` over ``items`` canned items, ``repeat`` alternating runs a side."""
    canned = CannedPages(listing.wire, listing.item, listing.page, items)
    session = new_session()
    # Registered on the session before any client exists: each client copies the handlers.
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response that botocore then uses instead of sending the request.
    session.events.register(f"before-send.{listing.event}", canned)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    facade, raw = listing.facade(session), listing.raw(session)

    # Request counts: each side gets the page it asks for.
    requests: list[int] = []
    sizes: list[int | None] = []
    for run in (facade, raw):
        canned.requests, canned.sizes = 0, []
        assert run() == items
        requests.append(canned.requests)
        sizes.append(canned.sizes[0])

    # Times: the same pages for both sides (equal parse work), built before timing.
    canned.fixed = listing.facade_page
    facade_times: list[float] = []
    raw_times: list[float] = []
    assert facade() == raw() == items  # warm-up: pages cached, lazy imports done
    for _ in range(repeat):
        for run, times in ((facade, facade_times), (raw, raw_times)):
            elapsed, seen = _timed(run)
            assert seen == items
            times.append(elapsed)
    convert = listing.convert(session)
    convert_s = min(_timed(convert)[0] for _ in range(max(3, repeat // 2)))
    facade_s, raw_s = statistics.median(facade_times), statistics.median(raw_times)
    return ListingRow(
        listing=listing.name,
        items=items,
        facade_s=facade_s,
        raw_s=raw_s,
        ratio=facade_s / raw_s,
        parse_us_per_item=raw_s / items * 1e6,
        convert_us_per_item=convert_s / items * 1e6,
        overhead_us_per_item=(facade_s - raw_s) / items * 1e6,
        requests_facade=requests[0],
        requests_raw=requests[1],
        page_size_facade=sizes[0],
        page_size_raw=sizes[1],
        note=_EC2_NOTE if listing.event.startswith("ec2.") else "",
    )


def listing_rows(quick: bool = False, only: str = "") -> list[ListingRow]:
    """Every listing's row (those whose name holds ``only``): 5,000 items and 7 runs a side
    (``quick``: 1,000 and 3)."""
    items, repeat = (QUICK_ITEMS, 3) if quick else (ITEMS, 7)
    chosen = [listing for listing in listings() if only.lower() in listing.name.lower()]
    rows: list[ListingRow] = []
    with fake_environment():
        for listing in chosen:
            rows.append(measure(listing, items, repeat))
            print(f"  {listing.name}: ratio {rows[-1].ratio:.3f}", file=sys.stderr)
    return rows


def _table(rows: Sequence[ListingRow]) -> str:
    lines = [
        "| listing | items | facade s | raw s | ratio | parse µs/item | convert µs/item "
        "| requests facade / raw (page sizes) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [
        f"| {row.listing} | {row.items:,} | {row.facade_s:.3f} | {row.raw_s:.3f} "
        f"| {row.ratio:.3f} | {row.parse_us_per_item:.1f} | {row.convert_us_per_item:.1f} "
        f"| {row.requests_facade} / {row.requests_raw} "
        f"({row.page_size_facade} / {row.page_size_raw or 'default'}) |"
        for row in rows
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1,000 items, 3 runs a side")
    parser.add_argument("--json", metavar="PATH", help="write the rows as JSON to PATH")
    parser.add_argument("--only", default="", help="only the listings whose name holds this")
    options = parser.parse_args(argv)
    quick: bool = options.quick
    path: str | None = options.json
    only: str = options.only
    rows = listing_rows(quick=quick, only=only)
    print(_table(rows))
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump([asdict(row) for row in rows], out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
