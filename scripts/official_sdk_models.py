#!/usr/bin/env python3
"""Describe every operation of the official BssClient and its models as JSON.

Run through `cargo xtask sdk-models [--check]`, which provides a throwaway virtualenv with the
pinned `huaweicloudsdkbss`, points HOME at a scratch folder (importing the SDK may write
~/.huaweicloud/application_id) and passes `--out`. This script installs nothing and sends
nothing: it only introspects the SDK.

For each `BssClient` operation, the SDK's own `_<operation>_http_info` is called with a request
whose every attribute holds a unique marker, so the method, path, query/header/path parameters
and body come from the code the SDK itself runs, not from parsing it. Field types come from each
model's `openapi_types`, JSON names from `attribute_map`, and `required` from `__init__`: the
SDK generator assigns a required attribute unconditionally (`self.x = x`) and an optional one
under `if x is not None:`.

Output (deterministic: keys sorted, lists sorted by name, 2-space indent, UTF-8, final newline):

    {"sdk": ..., "operation_count": N, "operations": [{
        "id", "method", "path", "python_method",
        "path_params"|"query_params"|"header_params": [{"name", "required", "repeated", <node>}],
        "body": null | {"model", "required", <node>},
        "response": {"model", <node>}}]}

where <node> is {"type": string|integer|number|boolean|array|object, "sdk_type": the SDK's type
text, "format": "decimal" for decimal.Decimal, "items": <node> for arrays, and for objects
"model" plus "fields": [{"name", "required", <node>}], or "recursive": true instead of "fields"
where a model recurs inside itself}.
"""

import argparse
import ast
import importlib
import importlib.metadata
import inspect
import json
import re
import sys
import textwrap
from pathlib import Path

PACKAGE = "huaweicloudsdkbss"
SDK_VERSION = "3.1.219"
SCALARS = {
    "str": ("string", None),
    "int": ("integer", None),
    "float": ("number", None),
    "decimal.Decimal": ("number", "decimal"),
    "bool": ("boolean", None),
    "datetime": ("string", "date-time"),
    "date": ("string", "date"),
    "object": ("object", None),
}
REQUEST_TYPE = re.compile(r":type request: :class:`huaweicloudsdkbss\.v2\.(\w+)`")
LIST = re.compile(r"^list\[(.+)\]$")
DICT = re.compile(r"^dict\(str, (.+)\)$")
MARKER = "@sdk-models:"


def required_attributes(cls):
    """Attributes that `__init__` assigns unconditionally (`self.x = x` at the top level)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls.__init__)))
    function = tree.body[0]
    required = set()
    for statement in function.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Attribute)
            and isinstance(statement.targets[0].value, ast.Name)
            and statement.targets[0].value.id == "self"
            and isinstance(statement.value, ast.Name)
            and statement.value.id == statement.targets[0].attr
        ):
            required.add(statement.value.id)
    return required


class Models:
    def __init__(self, module):
        self.module = module

    def model(self, name):
        cls = getattr(self.module, name, None)
        if cls is None or not hasattr(cls, "openapi_types"):
            sys.exit(f"unknown model {name}")
        return cls

    def node(self, sdk_type, stack):
        node = {"sdk_type": sdk_type}
        if sdk_type in SCALARS:
            json_type, fmt = SCALARS[sdk_type]
            node["type"] = json_type
            if fmt:
                node["format"] = fmt
            return node
        if match := LIST.match(sdk_type):
            node["type"] = "array"
            node["items"] = self.node(match.group(1), stack)
            return node
        if match := DICT.match(sdk_type):
            node["type"] = "object"
            node["values"] = self.node(match.group(1), stack)
            return node
        if not re.fullmatch(r"[A-Z]\w*", sdk_type):
            sys.exit(f"unsupported SDK type {sdk_type!r}")
        node["type"] = "object"
        node["model"] = sdk_type
        if sdk_type in stack:
            node["recursive"] = True
        else:
            node["fields"] = self.fields(sdk_type, stack + (sdk_type,))
        return node

    def fields(self, name, stack):
        cls = self.model(name)
        required = required_attributes(cls)
        fields = []
        for attribute, sdk_type in cls.openapi_types.items():
            field = {"name": cls.attribute_map[attribute], "required": attribute in required}
            field.update(self.node(sdk_type, stack))
            fields.append(field)
        return sorted(fields, key=lambda f: f["name"])


def describe(client, models, python_method):
    doc = inspect.getdoc(getattr(client, python_method)) or ""
    match = REQUEST_TYPE.search(doc)
    if not match:
        sys.exit(f"{python_method}: no request type in its docstring")
    request_cls = models.model(match.group(1))
    request = request_cls()
    for attribute in request_cls.attribute_map:
        setattr(request, attribute, MARKER + attribute)
    info = getattr(client, f"_{python_method}_http_info")(request)
    required = required_attributes(request_cls)

    def attribute_of(value):
        if isinstance(value, str) and value.startswith(MARKER):
            return value[len(MARKER):]
        return None

    def param(name, value):
        attribute = attribute_of(value)
        sdk_type = request_cls.openapi_types[attribute]
        entry = {
            "name": name,
            "required": attribute in required,
            "repeated": info["collection_formats"].get(name) == "multi",
        }
        entry.update(models.node(sdk_type, ()))
        return entry

    def params(pairs):
        return sorted(
            (param(name, value) for name, value in pairs if attribute_of(value)),
            key=lambda p: p["name"],
        )

    body = None
    body_attribute = attribute_of(info["body"])
    if info["body"] is not None:
        if body_attribute is None:
            sys.exit(f"{python_method}: body does not come from a request attribute")
        sdk_type = request_cls.openapi_types[body_attribute]
        body = {"required": body_attribute in required}
        body.update(models.node(sdk_type, ()))
    response_type = info["response_type"]
    response = models.node(response_type, ())
    operation_id = request_cls.__name__.removesuffix("Request")
    if operation_id == request_cls.__name__:
        sys.exit(f"{python_method}: request class {request_cls.__name__} has no Request suffix")
    return {
        "id": operation_id,
        "method": info["method"].upper(),
        "path": info["resource_path"],
        "python_method": python_method,
        "path_params": params(info["path_params"].items()),
        "query_params": params(info["query_params"]),
        "header_params": params(info["header_params"].items()),
        "body": body,
        "response": response,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="JSON file to write")
    args = parser.parse_args()

    installed = importlib.metadata.version(PACKAGE)
    if installed != SDK_VERSION:
        sys.exit(f"{PACKAGE} {SDK_VERSION} required, found {installed}")
    client = importlib.import_module(f"{PACKAGE}.v2.bss_client").BssClient
    models = Models(importlib.import_module(f"{PACKAGE}.v2.model"))

    python_methods = sorted(
        name[1 : -len("_http_info")]
        for name in vars(client)
        if name.startswith("_") and name.endswith("_http_info")
    )
    operations = sorted(
        (describe(client, models, name) for name in python_methods), key=lambda o: o["id"]
    )
    ids = [o["id"] for o in operations]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate operation ids")
    document = {
        "generated_by": "cargo xtask sdk-models (scripts/official_sdk_models.py)",
        "sdk": f"{PACKAGE}=={installed}",
        "client": "BssClient",
        "operation_count": len(operations),
        "operations": operations,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(operations)} operations of {PACKAGE} {installed}")


if __name__ == "__main__":
    main()
