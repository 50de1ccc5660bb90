"""The schema of results.json, kept in docs/report.md (its JSON code block after the heading
"Schema of results.json"), and a validator for the subset of JSON Schema it uses: type,
enum, required, properties, additionalProperties, items."""

import json
import re

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def load(markdown_path):
    with open(markdown_path, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"## Schema of results\.json.*?```json\n(.*?)```", text, re.S)
    if not match:
        raise ValueError(f"{markdown_path} has no JSON block under '## Schema of results.json'")
    return json.loads(match.group(1))


def _is(value, kind):
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def errors(value, schema, where="$"):
    """Every way `value` breaks `schema`, as '<path>: <problem>' lines."""
    kinds = schema.get("type")
    if kinds is not None:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(_is(value, k) for k in kinds):
            return [f"{where}: {type(value).__name__} is not {' or '.join(kinds)}"]
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, dict):
        found += [f"{where}: '{k}' is missing" for k in schema.get("required", []) if k not in value]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], f"{where}.{key}")
            elif extra is False:
                found.append(f"{where}: '{key}' is not in the schema")
            elif isinstance(extra, dict):
                found += errors(item, extra, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], f"{where}[{index}]")
    return found
