#!/usr/bin/env python3
"""Record signer conformance vectors with the official Huawei Cloud SDK signer.

Run through `cargo xtask signer-vectors`, which provides a throwaway virtualenv with the pinned
`huaweicloudsdkcore`, points HOME at a scratch folder (importing the SDK may write
~/.huaweicloud/application_id) and passes `--out`. This script installs nothing.

For every case below, the official `Signer` signs an `SdkRequest` with its clock fixed; the
intermediate strings are captured by wrapping the signer's own steps, and the headers are
recorded as they stand when `Signer.sign` starts (so X-Domain-Id / X-Security-Token added by the
official credentials classes appear as the caller-set headers they are to the signer).

Output: one JSON array of vectors per theme, in the format of
/work/shared/reference/signing-and-conventions.md ("Vectors").
"""

import argparse
import datetime
import importlib.metadata
import json
import sys
from pathlib import Path

SDK_VERSION = "3.1.219"
X_SDK_DATE = "20240102T030405Z"
FIXED_NOW = datetime.datetime(2024, 1, 2, 3, 4, 5, 678901)  # sub-seconds must be dropped

HOST = "bss.myhuaweicloud.com"
AK = "HPUAEXAMPLEAK0000001"
SK = "ExampleSecretKey0123456789abcdefghijklmn"
DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
SECURITY_TOKEN = "gQpjbi1ub3J0aC00EXAMPLE-token+with/odd=chars"
JSON = {"Content-Type": "application/json"}

CREATE_SUB_CUSTOMER_BODY = (
    '{"domain_area": "CN", "domain_name": "test", "mobile_phone": "188****8888", '
    '"verification_code": "123456", "xaccount_id": "partner-customer-0001", '
    '"xaccount_type": "example_IDP", "password": "********", "is_close_market_ms": "false", '
    '"cooperation_type": "1", "indirect_partner_id": "0a1b2c3d4e5f60718293a4b5c6d7e8f9"}'
)


def case(name, method, path, query=(), headers=None, body=None, **extra):
    return dict(
        name=name,
        method=method,
        path=path,
        query=list(query),
        headers=dict(headers or {}),
        body=body,
        host=extra.pop("host", HOST),
        ak=extra.pop("ak", AK),
        sk=extra.pop("sk", SK),
        domain_id=extra.pop("domain_id", None),
        security_token=extra.pop("security_token", None),
        **extra,
    )


THEMES = {
    "methods_and_bodies": [
        case("get_no_query_no_body", "GET", "/v2/accounts/customer-accounts/coupons", headers=JSON),
        case("get_without_content_type", "GET", "/v2/bills/customer-bills/monthly-sum"),
        case("get_empty_string_body", "GET", "/v2/bills/customer-bills/monthly-sum", headers=JSON,
             body=""),
        case("post_create_sub_customer", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "X-Domain-Id": DOMAIN_ID}, body=CREATE_SUB_CUSTOMER_BODY),
        case("post_json_chinese", "POST", "/v2/partners/sub-customers", headers=JSON,
             body='{"xaccount_id": "客户-001", "domain_name": "测试账号"}'),
        case("post_json_escaped_unicode", "POST", "/v2/partners/sub-customers", headers=JSON,
             body='{"xaccount_id": "\\u5ba2\\u6237-001"}'),
        case("post_json_emoji_and_accents", "POST", "/v2/partners/sub-customers", headers=JSON,
             body='{"remark": "café 😀 ß Ω"}'),
        case("post_empty_json_body", "POST", "/v2/orders/customer-orders/pay", headers=JSON,
             body="{}"),
        case("post_no_body", "POST", "/v2/orders/customer-orders/pay", headers=JSON),
        case("post_body_with_newlines", "POST", "/v2/orders/customer-orders/pay", headers=JSON,
             body='{\n  "order_id": "CS2401020304ABCDE",\n  "use_coupon": "NO"\n}\n'),
        case("put_json", "PUT", "/v2/partners/sub-customers/budget", headers=JSON,
             body='{"customer_id": "c-1", "budget_amount": 100.5, "cancel_partner_frozen": false}'),
        case("delete_no_body", "DELETE", "/v2/partners/sub-customers/c-1/coupons/cp-2",
             headers=JSON),
        case("delete_with_body", "DELETE", "/v2/partners/sub-customers/coupons", headers=JSON,
             body='{"coupon_ids": ["a", "b"]}'),
        case("patch_json", "PATCH", "/v2/partners/sub-customers/c-1", headers=JSON,
             body='{"name": "x"}'),
        case("lowercase_method", "post", "/v2/partners/sub-customers", headers=JSON,
             body='{"a": 1}'),
        case("head_request", "HEAD", "/v2/bills/customer-bills/monthly-sum", headers=JSON),
    ],
    "query": [
        case("query_unsorted_keys", "GET", "/v2/bills/customer-bills/res-fee-records",
             query=[("limit", 10), ("cycle", "2024-01"), ("offset", 0), ("charge_mode", "1")],
             headers=JSON),
        case("query_repeated_keys_unsorted_values", "GET", "/v2/partners/sub-customers",
             query=[("limit", "10"), ("coupon_ids", "b"), ("coupon_ids", "a"),
                    ("coupon_ids", "c")],
             headers=JSON),
        case("query_list_value", "GET", "/v2/partners/sub-customers",
             query=[("ids", ["z", "a", "m"]), ("limit", "5")], headers=JSON),
        case("query_bool_and_int", "GET", "/v2/bills/customer-bills/res-records",
             query=[("include_zero_record", True), ("statistic_type", 2),
                    ("is_free", False)],
             headers=JSON),
        case("query_space_and_plus", "GET", "/v2/partners/sub-customers",
             query=[("name", "a b"), ("formula", "x+y=z"), ("tab", "a\tb")], headers=JSON),
        case("query_reserved_characters", "GET", "/v2/partners/sub-customers",
             query=[("r", "!*'();:@&=+$,/?#[]"), ("u", "-_.~"), ("p", "100%"),
                    ("q", "\"<>\\^`{|}")],
             headers=JSON),
        case("query_empty_value", "GET", "/v2/partners/sub-customers",
             query=[("marker", ""), ("limit", "10")], headers=JSON),
        case("query_empty_key", "GET", "/v2/partners/sub-customers",
             query=[("", "orphan"), ("a", "1")], headers=JSON),
        case("query_unicode", "GET", "/v2/partners/sub-customers",
             query=[("account_name", "客户"), ("city", "Zürich"), ("emoji", "😀")],
             headers=JSON),
        case("query_already_encoded_text", "GET", "/v2/partners/sub-customers",
             query=[("v", "a%20b"), ("w", "%E4%B8%AD")], headers=JSON),
        case("query_code_point_order", "GET", "/v2/partners/sub-customers",
             query=[("b", "1"), ("B", "1"), ("_", "1"), ("a", "1"), ("é", "1"), ("Z", "1"),
                    ("~", "1"), ("0", "1"), ("a", "0"), ("-", "1")],
             headers=JSON),
        case("query_key_prefixes", "GET", "/v2/partners/sub-customers",
             query=[("ab", "1"), ("a", "2"), ("a_b", "3"), ("a-b", "4")], headers=JSON),
        case("query_with_json_post", "POST", "/v2/orders/customer-orders",
             query=[("order_id", "CS2401"), ("action", "cancel")], headers=JSON,
             body='{"reason": "test"}'),
    ],
    "path": [
        case("path_without_trailing_slash", "GET", "/v2/partners/sub-customers", headers=JSON),
        case("path_with_trailing_slash", "GET", "/v2/partners/sub-customers/", headers=JSON),
        case("path_root", "GET", "/", headers=JSON),
        case("path_with_space", "GET", "/v2/partners/sub customers/a b", headers=JSON),
        case("path_percent_encoded", "GET", "/v2/partners/a%20b/%E4%B8%AD", headers=JSON),
        case("path_lowercase_escapes", "GET", "/v2/partners/%e4%b8%ad/%7euser", headers=JSON),
        case("path_non_ascii", "GET", "/v2/partners/客户/Zürich/😀", headers=JSON),
        case("path_reserved_characters", "GET", "/v2/a+b/c=d;e,f:g@h!$&'()*", headers=JSON),
        case("path_unreserved_characters", "GET", "/v2/~user/a-b_c.d/", headers=JSON),
        case("path_encoded_slash", "GET", "/v2/partners/a%2Fb", headers=JSON),
        case("path_malformed_escapes", "GET", "/v2/%zz/%4/100%", headers=JSON),
        case("path_invalid_utf8_escapes", "GET", "/v2/%FF%FE/%E4%B8/%C0%80/%ED%A0%80",
             headers=JSON),
        case("path_truncated_escape_before_text", "GET", "/v2/%E4%B8中/x", headers=JSON),
        case("path_double_slash_and_dots", "GET", "/v2//partners/./a/../b", headers=JSON),
        case("path_double_encoded", "GET", "/v2/a%2520b", headers=JSON),
        case("path_with_query_post", "POST", "/v2/partners/sub-customers/frozens/",
             query=[("force", "true")], headers=JSON, body='{"customer_ids": ["c-1"]}'),
    ],
    "headers": [
        case("headers_mixed_case_names", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-Custom-Header": "v1", "x-lower": "v2", "X-UPPER": "v3",
                      "aCCept": "application/json"}),
        case("headers_padded_values", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "X-Padded": "  spaced  ", "X-Tabs": "\tvalue\t",
                      "X-Inner": "a   b\tc", "X-Only-Spaces": "   "},
             body='{"a": 1}'),
        case("headers_unicode_value", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-Note": "客户 Zürich"}),
        case("headers_unicode_whitespace_padding", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-Ideographic": "\u3000value\u00a0", "X-Nel": "\u0085v\u2028"}),
        case("headers_with_underscore_not_signed", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X_Custom_Header": "sent-not-signed", "x_lower_u": "x",
                      "X-Dash": "signed"}),
        case("headers_empty_value", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-Empty": ""}),
        case("headers_value_with_colon_and_commas", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-List": "a, b,c ; d=e:f", "User-Agent": "huaweicloud-bss-rs/0.1"}),
        case("caller_host", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "Host": "bss.internal.example"}),
        case("caller_host_lowercase", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "host": "BSS.MyHuaweiCloud.com"}),
        case("caller_host_padded", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "HOST": "  bss.myhuaweicloud.com  "}),
        case("caller_x_sdk_date", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "X-Sdk-Date": "20231231T235959Z"}, body='{"a": 1}'),
        case("caller_x_sdk_date_lowercase", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "x-sdk-date": "20240229T120000Z"}),
        case("caller_host_and_x_sdk_date", "GET", "/v2/partners/sub-customers",
             headers={**JSON, "X-SDK-DATE": "20250101T000000Z", "Host": "example.com:8443"}),
        case("host_with_port", "GET", "/v2/partners/sub-customers", headers=JSON,
             host="bss.myhuaweicloud.com:8443"),
        case("host_localhost_port_post", "POST", "/v2/partners/sub-customers",
             query=[("a", "1")], headers=JSON, body='{"a": 1}', host="127.0.0.1:18080"),
        case("host_ipv6_with_port", "GET", "/v2/partners/sub-customers", headers=JSON,
             host="[::1]:8443"),
    ],
    "content_type": [
        case("text_plain_unsigned_payload", "POST", "/v2/upload", headers={"Content-Type": "text/plain"},
             body="hello world"),
        case("octet_stream_unsigned_payload", "PUT", "/v2/upload",
             headers={"Content-Type": "application/octet-stream"}, body="binary-ish"),
        case("form_urlencoded_unsigned_payload", "POST", "/v2/form",
             headers={"Content-Type": "application/x-www-form-urlencoded"}, body="a=1&b=x+y"),
        case("multipart_unsigned_payload", "POST", "/v2/form",
             headers={"Content-Type": "multipart/form-data; boundary=xyz"},
             body="--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--\r\n"),
        case("xml_unsigned_payload", "POST", "/v2/xml",
             headers={"Content-Type": "application/xml"}, body="<a>1</a>"),
        case("unsigned_payload_empty_body", "GET", "/v2/upload",
             headers={"Content-Type": "text/plain"}),
        case("json_with_charset", "POST", "/v2/partners/sub-customers",
             headers={"Content-Type": "application/json;charset=UTF-8"}, body='{"a": 1}'),
        case("json_patch_prefix", "PATCH", "/v2/partners/sub-customers/c-1",
             headers={"Content-Type": "application/json-patch+json"}, body='[]'),
        case("bson_content_type", "POST", "/v2/bson",
             headers={"Content-Type": "application/bson"}, body="bson-bytes-as-text"),
        case("content_type_lowercase_name_not_seen", "POST", "/v2/upload",
             headers={"content-type": "text/plain"}, body="hello world"),
        case("content_type_uppercase_value", "POST", "/v2/partners/sub-customers",
             headers={"Content-Type": "Application/JSON"}, body='{"a": 1}'),
        case("content_type_padded_value", "POST", "/v2/partners/sub-customers",
             headers={"Content-Type": " application/json"}, body='{"a": 1}'),
        case("content_type_empty_value", "POST", "/v2/partners/sub-customers",
             headers={"Content-Type": ""}, body='{"a": 1}'),
        case("caller_unsigned_payload_with_json", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"}, body='{"a": 1}'),
        case("caller_unsigned_payload_with_text", "POST", "/v2/upload",
             headers={"Content-Type": "text/plain", "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"},
             body="hello"),
        case("caller_payload_hash_lowercase_name", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "x-sdk-content-sha256":
                      " 0000000000000000000000000000000000000000000000000000000000000000 "},
             body='{"a": 1}'),
        case("caller_payload_hash_empty_value", "POST", "/v2/partners/sub-customers",
             headers={**JSON, "X-Sdk-Content-Sha256": ""}, body='{"a": 1}'),
        case("caller_payload_hash_empty_body", "DELETE", "/v2/partners/sub-customers",
             headers={**JSON, "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"}),
    ],
    "credentials": [
        case("x_domain_id_via_global_credentials", "POST", "/v2/partners/sub-customers",
             headers=JSON, body=CREATE_SUB_CUSTOMER_BODY, domain_id=DOMAIN_ID),
        case("x_security_token_via_credentials", "GET", "/v2/partners/sub-customers",
             query=[("limit", "10")], headers=JSON, security_token=SECURITY_TOKEN),
        case("x_domain_id_and_security_token", "POST", "/v2/partners/sub-customers",
             headers=JSON, body='{"domain_name": "test"}', domain_id=DOMAIN_ID,
             security_token=SECURITY_TOKEN),
        case("x_domain_id_as_plain_header", "GET", "/v2/accounts/customer-accounts/balances",
             headers={**JSON, "X-Domain-Id": DOMAIN_ID}),
        case("other_ak_sk", "GET", "/v2/partners/sub-customers", headers=JSON,
             ak="AKID-2", sk="short"),
        case("long_sk_over_block_size", "GET", "/v2/partners/sub-customers", headers=JSON,
             sk="S" * 100),
        case("non_ascii_sk", "GET", "/v2/partners/sub-customers", headers=JSON,
             sk="clé-secrète-密钥"),
        case("x_security_token_with_date_and_host", "PUT", "/v2/partners/sub-customers/budget",
             headers={**JSON, "X-Sdk-Date": "20240615T101112Z", "Host": "bss-intl.myhuaweicloud.com"},
             body='{"budget_amount": 1}', host="bss-intl.myhuaweicloud.com",
             security_token=SECURITY_TOKEN),
    ],
}


def raw_query_pairs(query):
    """The vector's raw string pairs for the official signer's typed query values."""
    pairs = []
    for key, value in query:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, bool):
                v = "true" if v else "false"
            pairs.append([key, str(v)])
    return pairs


def install_hooks():
    """Fix the signer's clock and record what its steps return."""
    from huaweicloudsdkcore.signer import signer as signer_module
    from huaweicloudsdkcore.signer.signer import Signer

    class FixedClock(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return FIXED_NOW

        @classmethod
        def now(cls, tz=None):
            return FIXED_NOW if tz is None else FIXED_NOW.replace(tzinfo=tz)

    signer_module.datetime = FixedClock
    captured = {}

    def record(key, value):
        if key in captured:
            raise RuntimeError(f"signer step {key} ran twice")
        captured[key] = value

    original_sign = Signer.sign
    original_canonical_request = Signer._process_canonical_request
    original_string_to_sign = Signer._process_string_to_sign

    def sign(self, request):
        record("headers", dict(request.header_params))
        return original_sign(self, request)

    def canonical_request(self, request, signed_headers):
        value = original_canonical_request(self, request, signed_headers)
        record("canonical_request", value)
        record("signed_headers", ";".join(signed_headers))
        return value

    def string_to_sign(self, canonical_request, t):
        value = original_string_to_sign(self, canonical_request, t)
        record("string_to_sign", value)
        return value

    Signer.sign = sign
    Signer._process_canonical_request = canonical_request
    Signer._process_string_to_sign = string_to_sign
    return captured


def run_case(c, captured):
    from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest

    captured.clear()
    request = SdkRequest(
        method=c["method"],
        schema="https",
        host=c["host"],
        resource_path=c["path"],
        query_params=[(k, list(v) if isinstance(v, list) else v) for k, v in c["query"]],
        header_params=dict(c["headers"]),
        body=c["body"],
    )
    if c["domain_id"] is not None or c["security_token"] is not None:
        # The official credentials add X-Domain-Id / X-Security-Token, then call the signer.
        credentials = GlobalCredentials(c["ak"], c["sk"], c["domain_id"])
        if c["security_token"] is not None:
            credentials = credentials.with_security_token(c["security_token"])
        signed = credentials.sign_request(request)
    else:
        from huaweicloudsdkcore.signer.signer import Signer

        signed = Signer(BasicCredentials(c["ak"], c["sk"])).sign(request)

    authorization = signed.header_params["Authorization"]
    if f"SignedHeaders={captured['signed_headers']}," not in authorization:
        raise RuntimeError(f"{c['name']}: signed headers not found in {authorization!r}")
    return {
        "name": c["name"],
        "method": c["method"],
        "host": c["host"],
        "path": c["path"],
        "query": raw_query_pairs(c["query"]),
        "headers": captured["headers"],
        "body": c["body"],
        "ak": c["ak"],
        "sk": c["sk"],
        "x_sdk_date": X_SDK_DATE,
        "expected": {
            "canonical_request": captured["canonical_request"],
            "string_to_sign": captured["string_to_sign"],
            "signed_headers": captured["signed_headers"],
            "authorization": authorization,
            "url": signed.url,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for the *.json files")
    args = parser.parse_args()

    installed = importlib.metadata.version("huaweicloudsdkcore")
    if installed != SDK_VERSION:
        sys.exit(f"huaweicloudsdkcore {SDK_VERSION} required, found {installed}")

    captured = install_hooks()
    args.out.mkdir(parents=True, exist_ok=True)
    names = set()
    total = 0
    for theme, cases in THEMES.items():
        vectors = []
        for c in cases:
            if c["name"] in names:
                sys.exit(f"duplicate vector name {c['name']}")
            names.add(c["name"])
            vectors.append(run_case(c, captured))
        text = json.dumps(vectors, ensure_ascii=False, indent=2) + "\n"
        (args.out / f"{theme}.json").write_text(text, encoding="utf-8")
        total += len(vectors)
        print(f"{theme}.json: {len(vectors)} vectors")
    print(f"{total} vectors from huaweicloudsdkcore {installed}")


if __name__ == "__main__":
    main()
