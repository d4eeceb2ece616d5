#!/usr/bin/env python3
"""Drive the BSS simulator with the official Huawei Cloud Python SDK.

Usage: official_sdk_against_sim.py URL AK SK

Run through `cargo xtask official-sdk-check`, which provides a throwaway virtualenv with the
pinned `huaweicloudsdkbss` / `huaweicloudsdkcore`, points HOME at a scratch folder (the SDK
writes ~/.huaweicloud/application_id) and starts `bss-sim` with the AK/SK passed here. This
script installs nothing and never changes how the SDK builds, serialises or signs a request:
everything the simulator receives is exactly what the official SDK sends (simplejson with ", "
separators and \\uXXXX escapes, its own header set, SDK-HMAC-SHA256 signing).

Prints one line per call (`ok` or `FAIL`); on a failure it also prints the request as the SDK
put it on the wire and the simulator's answer. Exits 1 if any outcome is unexpected.
"""

import importlib.metadata
import json
import os
import re
import sys
import traceback

# The simulator is on loopback: never route it through a proxy from the environment.
for _var in ("NO_PROXY", "no_proxy"):
    os.environ[_var] = ",".join(filter(None, [os.environ.get(_var), "127.0.0.1", "localhost"]))

from huaweicloudsdkbss.v2 import (  # noqa: E402
    BssClient,
    CheckSubcustomerUserReq,
    CheckUserIdentityRequest,
    CreateCustomerV2Req,
    CreateSubCustomerReqV2,
    CreateSubCustomerRequest,
    CreateSubEnterpriseAccountRequest,
    ListEnterpriseOrganizationsRequest,
    ListSubCustomersRequest,
    NewCustomerV2,
    QuerySubCustomerListReq,
    SendVerificationCodeV2Req,
    SendVerificationMessageCodeRequest,
)
from huaweicloudsdkcore.auth.credentials import GlobalCredentials  # noqa: E402
from huaweicloudsdkcore.exceptions.exceptions import (  # noqa: E402
    ClientRequestException,
    SdkException,
)
from huaweicloudsdkcore.http.http_config import HttpConfig  # noqa: E402
from huaweicloudsdkcore.http.http_handler import HttpHandler  # noqa: E402

PINNED = {"huaweicloudsdkbss": "3.1.219", "huaweicloudsdkcore": "3.1.219"}
DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
XACCOUNT_TYPE = "example_IDP"

# ASCII-only customer, and one whose xaccount_id the SDK has to send as \uXXXX escapes
# (CJK, a Latin-1 letter and an astral emoji, which becomes a surrogate pair).
ASCII_CUSTOMER = dict(
    domain_name="sdkcheck-ascii01",
    xaccount_id="sdk-check-0001",
    password="Examp1e#Pass",
    is_close_market_ms="true",
    cooperation_type="1",
    include_association_result=False,
)
UNICODE_CUSTOMER = dict(
    domain_name="sdkcheck-unicode01",
    xaccount_id="客户-0002-café-😀",
)


class Exchanges:
    """The last request the SDK sent and the answer it got, as seen by `requests`."""

    def __init__(self):
        self.last = None

    def handler(self):
        def on_response(**kwargs):
            response = kwargs["response"]
            self.last = (response.request, response)

        return HttpHandler().add_response_handler(on_response)

    def describe(self):
        if self.last is None:
            return "  (no HTTP exchange recorded)"
        request, response = self.last
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        lines = [f"  request: {request.method} {request.url}"]
        lines += [f"    {name}: {value}" for name, value in request.headers.items()]
        lines.append(f"    body bytes: {body!r}")
        lines.append(f"  answer: HTTP {response.status_code}")
        lines += [f"    {name}: {value}" for name, value in response.headers.items()]
        lines.append(f"    body bytes: {response.content!r}")
        return "\n".join(lines)


class Check:
    def __init__(self, exchanges):
        self.exchanges = exchanges
        self.failures = 0

    def __call__(self, name, call):
        """Runs `call`; it returns a one-line outcome or raises (AssertionError = unexpected)."""
        self.exchanges.last = None
        try:
            outcome = call()
        except Exception as error:  # noqa: BLE001 - every failure is reported, then counted
            self.failures += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            if not isinstance(error, (AssertionError, SdkException)):
                traceback.print_exc(file=sys.stdout)
            print(self.exchanges.describe())
        else:
            print(f"ok   {name}: {outcome}")
        sys.stdout.flush()


def build_client(url, ak, sk, exchanges):
    # The default HttpConfig is fine for plain http: the builder keeps an http:// endpoint as it
    # is, and certificate settings only matter for https. retry_times stays 0 (the default).
    return (
        BssClient.new_builder()
        .with_http_config(HttpConfig.get_default_config())
        .with_credentials(GlobalCredentials(ak, sk, DOMAIN_ID))
        .with_endpoints([url])
        .with_http_handler(exchanges.handler())
        .build()
    )


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: official_sdk_against_sim.py URL AK SK")
    url, ak, sk = sys.argv[1:]

    versions = {name: importlib.metadata.version(name) for name in PINNED}
    if versions != PINNED:
        sys.exit(f"expected {PINNED}, found {versions}")
    print(f"official SDK: {', '.join(f'{n}=={v}' for n, v in versions.items())}; simulator {url}")

    exchanges = Exchanges()
    client = build_client(url, ak, sk, exchanges)
    check = Check(exchanges)

    def check_name(name, expected):
        def call():
            response = client.check_user_identity(
                CheckUserIdentityRequest(
                    body=CheckSubcustomerUserReq(search_type="name", search_value=name)
                )
            )
            expect(response.status_code == 200, f"HTTP {response.status_code}")
            expect(
                response.check_result == expected,
                f"check_result {response.check_result!r}, expected {expected!r}",
            )
            return f"HTTP 200, {name} is {response.check_result}"

        return call

    check("CheckUserIdentity name (before)", check_name(ASCII_CUSTOMER["domain_name"], "available"))

    def send_code():
        response = client.send_verification_message_code(
            SendVerificationMessageCodeRequest(
                body=SendVerificationCodeV2Req(
                    receiver_type=1, timeout=5, mobile_phone="13800000000", lang="en-us", scene=29
                )
            )
        )
        expect(response.status_code == 204, f"HTTP {response.status_code}, expected 204")
        return "HTTP 204, code sent to 13800000000"

    check("SendVerificationMessageCode", send_code)

    created = {}

    def create(label, fields):
        def call():
            response = client.create_sub_customer(
                CreateSubCustomerRequest(
                    body=CreateCustomerV2Req(xaccount_type=XACCOUNT_TYPE, **fields)
                )
            )
            expect(response.status_code == 200, f"HTTP {response.status_code}")
            expect(
                response.domain_name == fields["domain_name"],
                f"domain_name {response.domain_name!r}",
            )
            expect(bool(response.domain_id), "no domain_id")
            created[label] = response.domain_id
            sent = exchanges.last[0].body
            sent = sent if isinstance(sent, str) else sent.decode("ascii")
            expect(sent.startswith('{"domain_name": '), f"unexpected body layout: {sent!r}")
            outcome = f"HTTP 200, domain_id {response.domain_id}"
            if not fields["xaccount_id"].isascii():
                wire = re.search(r'"xaccount_id": "[^"]*"', sent)
                expect(wire and "\\u" in wire.group(0), f"not sent escaped: {sent!r}")
                outcome += f"; sent as {wire.group(0)}"
            return outcome

        return call

    check("CreateSubCustomer ASCII body", create("ascii", ASCII_CUSTOMER))
    check("CreateSubCustomer non-ASCII xaccount_id", create("unicode", UNICODE_CUSTOMER))

    def wrong_code():
        try:
            client.create_sub_customer(
                CreateSubCustomerRequest(
                    body=CreateCustomerV2Req(
                        domain_name="sdkcheck-mobile01",
                        mobile_phone="13800000000",
                        verification_code="000000",
                        xaccount_id="sdk-check-0003",
                        xaccount_type=XACCOUNT_TYPE,
                    )
                )
            )
        except ClientRequestException as error:
            expect(
                (error.status_code, error.error_code) == (400, "CBC.99004010"),
                f"got {error.status_code} {error.error_code}",
            )
            return f"ClientRequestException HTTP 400 {error.error_code} (wrong code rejected)"
        raise AssertionError("a wrong verification code was accepted")

    check("CreateSubCustomer wrong verification code", wrong_code)
    check("CheckUserIdentity name (after)", check_name(ASCII_CUSTOMER["domain_name"], "used_by_user"))

    def list_customers():
        response = client.list_sub_customers(
            ListSubCustomersRequest(body=QuerySubCustomerListReq(offset=0, limit=100))
        )
        expect(response.status_code == 200, f"HTTP {response.status_code}")
        listed = {c.customer_id: c for c in response.customer_infos or []}
        for label, fields in (("ascii", ASCII_CUSTOMER), ("unicode", UNICODE_CUSTOMER)):
            expect(label in created, f"{label} customer was not created")
            info = listed.get(created[label])
            expect(info is not None, f"{created[label]} not listed")
            expect(
                (info.account_name, info.xaccount_id, info.xaccount_type)
                == (fields["domain_name"], fields["xaccount_id"], XACCOUNT_TYPE),
                f"listed as {(info.account_name, info.xaccount_id, info.xaccount_type)!r}",
            )
        by_name = client.list_sub_customers(
            ListSubCustomersRequest(
                body=QuerySubCustomerListReq(account_name="unicode", association_type="2")
            )
        )
        expect(
            [c.xaccount_id for c in by_name.customer_infos or []]
            == [UNICODE_CUSTOMER["xaccount_id"]],
            f"filtered list {by_name.customer_infos!r}",
        )
        return (
            f"HTTP 200, count {response.count}, both customers listed with their xaccount_id "
            f"(incl. {UNICODE_CUSTOMER['xaccount_id']!r}); filtered query finds the second"
        )

    check("ListSubCustomers", list_customers)

    def organizations():
        response = client.list_enterprise_organizations(
            ListEnterpriseOrganizationsRequest(recursive_query=1)
        )
        expect(response.status_code == 200, f"HTTP {response.status_code}")
        sent = exchanges.last[0]
        expect(
            sent.method == "GET" and sent.url.endswith("?recursive_query=1"),
            f"sent {sent.method} {sent.url}",
        )

        def render(nodes):
            return ", ".join(
                node.id + (f" [{render(node.child_nodes)}]" if node.child_nodes else "")
                for node in nodes or []
            )

        tree = render(response.child_nodes)
        expect(response.root_id == "99920", f"root_id {response.root_id!r}")
        expect("392 [393]" in tree, f"recursive tree lacks the grandchild: {tree}")
        return f"HTTP 200, root {response.root_id} ({response.root_name}), tree [{tree}]"

    check("ListEnterpriseOrganizations recursive_query=1", organizations)

    def sub_enterprise_account():
        response = client.create_sub_enterprise_account(
            CreateSubEnterpriseAccountRequest(
                body=CreateSubCustomerReqV2(
                    party_id="99920",
                    display_name="研发子账号",
                    sub_customer_association_type=1,
                    permission_ids=["READ_FINANCE_INFO", "READ_CONSUME_BILL"],
                    new_sub_customer=NewCustomerV2(
                        customer_name="sdkcheck-member01",
                        password="Examp1e#Pass",
                        use_pri_mobile_phone="Y",
                    ),
                )
            )
        )
        expect(response.status_code == 204, f"HTTP {response.status_code}, expected 204")
        return "HTTP 204, member account created under party 99920"

    check("CreateSubEnterpriseAccount use_pri_mobile_phone=Y", sub_enterprise_account)

    bad_exchanges = Exchanges()
    bad_client = build_client(url, ak, sk + "-wrong", bad_exchanges)

    def wrong_sk():
        try:
            bad_client.check_user_identity(
                CheckUserIdentityRequest(
                    body=CheckSubcustomerUserReq(search_type="name", search_value="sdkcheck-nobody")
                )
            )
        except ClientRequestException as error:
            expect(
                (error.status_code, error.error_code) == (401, "APIGW.0301"),
                f"got {error.status_code} {error.error_code}",
            )
            expect(bool(error.request_id), "the SDK exposes no request_id")
            answer = json.loads(bad_exchanges.last[1].content)
            expect(
                answer.get("request_id") in (None, error.request_id),
                f"body request_id {answer.get('request_id')!r} != header {error.request_id!r}",
            )
            return (
                f"ClientRequestException status_code={error.status_code} "
                f"error_code={error.error_code} request_id={error.request_id}"
            )
        raise AssertionError("a request signed with the wrong SK was accepted")

    check.exchanges = bad_exchanges
    check("wrong SK rejected", wrong_sk)

    client.get_http_client().close()
    bad_client.get_http_client().close()
    if check.failures:
        print(f"{check.failures} unexpected outcome(s)")
        return 1
    print("all calls behaved as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
