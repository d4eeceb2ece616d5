#!/usr/bin/env python3
"""Time the official Huawei Cloud SDK signer on the request of the Rust signer's benchmark.

Run through `cargo xtask signer-speed`, which provides a throwaway virtualenv with the pinned
`huaweicloudsdkcore` and a scratch HOME (importing the SDK may write
~/.huaweicloud/application_id). This script installs nothing.

The request is the one of crates/huaweicloud-signer/benches/sign.rs: same method, host, path,
headers, body, AK/SK and X-Sdk-Date. Both check the resulting Authorization against the same
constant, so the two timings are of the same signature.

What is timed: `Signer.sign` on an `SdkRequest` whose headers are reset before each call (the
signer adds X-Sdk-Date, Host and Authorization to them). The signer's clock is fixed, as in
scripts/signer_vectors.py, so it adds the benchmark's X-Sdk-Date; the body is given as bytes,
as the Rust signer gets it. Prints one JSON object: microseconds per signature, best of the
repeats, and every repeat.
"""

import argparse
import datetime
import importlib.metadata
import json
import sys
import time

SDK_VERSION = "3.1.219"

# The request of benches/sign.rs.
METHOD = "POST"
HOST = "bss.myhuaweicloud.com"
PATH = "/v2/partners/sub-customers"
HEADERS = {
    "Content-Type": "application/json",
    "X-Domain-Id": "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
}
BODY = (
    '{"domain_area": "CN", "domain_name": "test", "mobile_phone": "188****8888", '
    '"verification_code": "123456", "xaccount_id": "partner-customer-0001", '
    '"xaccount_type": "example_IDP", "password": "********", "is_close_market_ms": "false", '
    '"cooperation_type": "1"}'
).encode("utf-8")
AK = "HPUAEXAMPLEAK0000001"
SK = "ExampleSecretKey0123456789abcdefghijklmn"
# X-Sdk-Date 20240102T030405Z; sub-seconds are dropped by the signer.
FIXED_NOW = datetime.datetime(2024, 1, 2, 3, 4, 5)
# The Authorization both signers must produce for this request (asserted by benches/sign.rs too).
EXPECTED_AUTHORIZATION = (
    "SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
    "SignedHeaders=content-type;host;x-domain-id;x-sdk-date, "
    "Signature=4ba390826acd07aa578199f30c7439e5546492b5a8d39bb0ab72bc1e4688f6ce"
)


def fix_clock():
    from huaweicloudsdkcore.signer import signer as signer_module

    class FixedClock(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return FIXED_NOW

    signer_module.datetime = FixedClock


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2_000, help="signatures per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (best one wins)")
    args = parser.parse_args()

    installed = importlib.metadata.version("huaweicloudsdkcore")
    if installed != SDK_VERSION:
        sys.exit(f"huaweicloudsdkcore {SDK_VERSION} required, found {installed}")

    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer.signer import Signer

    fix_clock()
    signer = Signer(BasicCredentials(AK, SK))
    request = SdkRequest(
        method=METHOD,
        schema="https",
        host=HOST,
        resource_path=PATH,
        query_params=[],
        header_params=dict(HEADERS),
        body=BODY,
    )

    def sign_once():
        request.header_params = dict(HEADERS)
        return signer.sign(request)

    authorization = sign_once().header_params["Authorization"]
    if authorization != EXPECTED_AUTHORIZATION:
        sys.exit(f"unexpected Authorization {authorization!r}: not the benchmark's request")

    per_signature_us = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.iterations):
            sign_once()
        per_signature_us.append((time.perf_counter() - start) / args.iterations * 1e6)

    print(
        json.dumps(
            {
                "sdk": f"huaweicloudsdkcore {installed}",
                "python": sys.version.split()[0],
                "iterations": args.iterations,
                "best_us": min(per_signature_us),
                "repeats_us": per_signature_us,
            }
        )
    )


if __name__ == "__main__":
    main()
