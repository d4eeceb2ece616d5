#!/usr/bin/env python3
"""Differential test inputs for the signer: random hostile requests signed by the official SDK.

Run through `cargo xtask signer-vectors --differential N --seed S`, which provides the same
virtualenv and scratch HOME as the conformance vectors. Reuses `signer_vectors.py` (the case
format, the clock and capture hooks and `run_case`), so every recorded vector has the exact
format of tests/vectors/*.json.

  generate --count N --seed S --out all.json
      N random requests from a fixed seed; inputs the official signer crashes on are left out
      and counted by exception type (printed, and in the `official_crashes` of --stats).
  sample --vectors all.json --report report.json --size K --seed S --out sample.json
      K vectors chosen with the seed among those the Rust signer accepted and matched (the
      report is written by the `differential` test of huaweicloud-signer).
"""

import argparse
import collections
import importlib.metadata
import json
import random
import sys
from pathlib import Path

import signer_vectors as sv

# Mostly tokens; the last three are not, and the Rust signer refuses them by design.
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "post", "Put",
           "pAtCh", "M-SEARCH", "PROPFIND"] * 4 + ["GET ", "", "GÉT"]
PATH_PIECES = (
    list("abcxyzABCXYZ0189") * 3
    + list("-._~") + list("!$&'()*+,;=:@") + [" ", "%", "?", "#", "[", "]", "\"", "<", ">",
                                               "\\", "^", "`", "{", "|", "}", "\t"]
    + ["%20", "%2F", "%2f", "%E4%B8%AD", "%e4%b8%ad", "%7E", "%25", "%zz", "%4", "%FF",
       "%C0%80", "%E4%B8", "%2520", "%41"]
    + ["客", "户", "é", "ü", "ß", "Ω", "😀", "\u00a0", "\u3000", "\u200b", "ﬁ", "Å", "\u0301"]
)
TEXT_PIECES = (
    list("abcXYZ019") * 3
    + [" ", "+", "=", "&", "%", "%20", "%2B", "/", "?", "#", ":", "@", ",", ";", "!", "*", "'",
       "(", ")", "~", "-", "_", ".", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "[", "]",
       "\t", "  "]
    + ["客户", "é", "Zürich", "😀", "\u00a0", "\u3000", "ß", "Ω", "\u2028"]
)
QUERY_KEYS = ["limit", "offset", "a", "A", "b", "ids", "name", "a b", "a+b", "k=v", "é", "客户",
              "_", "~", "", "%41", "😀", "x.y", "q"]
HEADER_WORDS = ["custom", "Trace", "ID", "note", "a", "B", "x", "Request", "foo", "BAR"]
HEADER_VALUES = ["v", "", " ", "  padded  ", "\tt\t", "a   b", "客户 Zürich", "café",
                 "\u3000wide\u00a0", "a, b;c=d:e", "UNSIGNED-PAYLOAD", "😀", "x" * 40]
CONTENT_TYPES = [None, None, "application/json", "application/json", "application/json",
                 "application/json;charset=UTF-8", "text/plain", "application/octet-stream",
                 "application/x-www-form-urlencoded", "Application/JSON", " application/json",
                 "", "application/json-patch+json", "multipart/form-data; boundary=x"]
HOSTS = [sv.HOST] * 8 + ["bss.myhuaweicloud.com:8443", "127.0.0.1:18080", "[::1]:8443",
                         "BSS.MyHuaweiCloud.com"]


def text(rng, pieces, max_len):
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, max_len)))


def random_path(rng):
    segments = [text(rng, PATH_PIECES, 8) for _ in range(rng.randint(0, 5))]
    path = "/" + "/".join(segments)
    if rng.random() < 0.2:
        path += "/"
    if rng.random() < 0.05:
        path = "/v2//" + path.lstrip("/")
    return path


def random_query(rng):
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 8])):
        key = rng.choice(QUERY_KEYS) if rng.random() < 0.7 else text(rng, TEXT_PIECES, 5)
        value = rng.choice(["", text(rng, TEXT_PIECES, 10)])
        pairs.append((key, value))
    if pairs and rng.random() < 0.3:  # repeated key with another value
        pairs.append((rng.choice(pairs)[0], text(rng, TEXT_PIECES, 4)))
    return pairs


def random_header_name(rng):
    words = [rng.choice(HEADER_WORDS) for _ in range(rng.randint(1, 3))]
    sep = "_" if rng.random() < 0.15 else "-"
    name = "X-" + sep.join(words)
    if rng.random() < 0.3:
        name = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)
    return name


def random_headers(rng):
    headers = {}
    content_type = rng.choice(CONTENT_TYPES)
    if content_type is not None:
        headers["content-type" if rng.random() < 0.05 else "Content-Type"] = content_type
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
        value = rng.choice(HEADER_VALUES) if rng.random() < 0.6 else text(rng, TEXT_PIECES, 8)
        headers[random_header_name(rng)] = value
    roll = rng.random()
    if roll < 0.04 and headers:  # same name in another case: refused by the Rust signer
        headers[rng.choice(list(headers)).swapcase()] = "dup"
    elif roll < 0.08:
        headers[rng.choice(["Host", "host", "HOST"])] = rng.choice(
            [sv.HOST, " bss.myhuaweicloud.com ", "example.com:8443", "BSS.MyHuaweiCloud.com"])
    elif roll < 0.12:
        headers[rng.choice(["X-Sdk-Date", "x-sdk-date"])] = rng.choice(
            ["20231231T235959Z", "20240229T120000Z", "2024-01-02", ""])
    elif roll < 0.15:
        headers["X-Sdk-Content-Sha256"] = rng.choice(["UNSIGNED-PAYLOAD", "", " x "])
    elif roll < 0.17:
        headers[random_header_name(rng)] = rng.choice(["a\nb", "\x01", "a\rb", "\x7f"])
    return headers


def random_body(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return None
    if kind == 1:
        return ""
    if kind in (2, 3):
        obj = {text(rng, TEXT_PIECES, 6): text(rng, TEXT_PIECES, 12)
               for _ in range(rng.randint(0, 4))}
        if rng.random() < 0.3:
            obj["list"] = [rng.randint(-5, 5), 1.5, True, None, "客户😀"]
        return json.dumps(obj, ensure_ascii=rng.random() < 0.3)
    return text(rng, TEXT_PIECES + ["\r\n", "\n"], 40)


def random_case(rng, seed, index):
    extra = {"host": rng.choice(HOSTS)}
    if rng.random() < 0.05:
        extra["domain_id"] = sv.DOMAIN_ID
    return sv.case(f"differential_s{seed}_{index:05d}", rng.choice(METHODS), random_path(rng),
                   query=random_query(rng), headers=random_headers(rng), body=random_body(rng),
                   **extra)


def write_vectors(path, vectors):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(vectors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(args):
    installed = importlib.metadata.version("huaweicloudsdkcore")
    if installed != sv.SDK_VERSION:
        sys.exit(f"huaweicloudsdkcore {sv.SDK_VERSION} required, found {installed}")
    captured = sv.install_hooks()
    rng = random.Random(args.seed)
    vectors = []
    crashes = collections.Counter()
    crash_examples = {}
    for index in range(args.count):
        c = random_case(rng, args.seed, index)
        try:
            vectors.append(sv.run_case(c, captured))
        except Exception as err:  # the official signer's own failure: skipped and counted
            reason = type(err).__name__
            crashes[reason] += 1
            crash_examples.setdefault(reason, f"{c['name']}: {err}")
    write_vectors(args.out, vectors)
    print(f"{args.count} random requests (seed {args.seed}); official signer signed "
          f"{len(vectors)}, crashed on {sum(crashes.values())}")
    for reason, count in sorted(crashes.items()):
        print(f"  official crash {reason}: {count} (e.g. {crash_examples[reason]})")
    if args.stats:
        args.stats.write_text(json.dumps({"generated": args.count, "signed": len(vectors),
                                          "official_crashes": dict(crashes)}, indent=2) + "\n")


def sample(args):
    vectors = json.loads(args.vectors.read_text(encoding="utf-8"))
    report = json.loads(args.report.read_text(encoding="utf-8"))
    excluded = set(report["refused_names"]) | {m["name"] for m in report["mismatches"]}
    eligible = [i for i, v in enumerate(vectors) if v["name"] not in excluded]
    if len(eligible) < args.size:
        sys.exit(f"only {len(eligible)} matching vectors, {args.size} requested")
    chosen = sorted(random.Random(args.seed).sample(eligible, args.size))
    write_vectors(args.out, [vectors[i] for i in chosen])
    print(f"{args.size} of {len(eligible)} matching vectors written to {args.out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--count", type=int, required=True)
    gen.add_argument("--seed", type=int, required=True)
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--stats", type=Path)
    smp = sub.add_parser("sample")
    smp.add_argument("--vectors", type=Path, required=True)
    smp.add_argument("--report", type=Path, required=True)
    smp.add_argument("--size", type=int, required=True)
    smp.add_argument("--seed", type=int, required=True)
    smp.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args) if args.command == "generate" else sample(args)


if __name__ == "__main__":
    main()
