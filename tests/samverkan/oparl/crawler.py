"""A small OParl client for the tests: validates objects against the OParl 1.1 schemas in
schemas/ (written from the specification's field lists) and walks every URL they name."""

import json
from pathlib import Path

from jsonschema import Draft7Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).parent / "schemas"
BASE = "https://schema.oparl.org/test/"
OPARL = "http://testserver/oparl/"
TOMBSTONE_KEYS = {"id", "type", "created", "modified", "deleted"}


def _load():
    schemas = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text()) | {"$id": BASE + path.name}
        schemas[path.stem] = schema
    registry = Registry().with_resources(
        (BASE + f"{name}.json", Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return {name: Draft7Validator(schema, registry=registry) for name, schema in schemas.items()}


VALIDATORS = _load()


def kind_of(obj):
    return obj["type"].rsplit("/", 1)[-1]


def problems_of(obj):
    """Schema errors of one object (a tombstone keeps only id, type and its times)."""
    if obj.get("deleted"):
        extra = set(obj) - TOMBSTONE_KEYS
        return [f"tombstone with {sorted(extra)}"] if extra else []
    return [error.message for error in VALIDATORS[kind_of(obj)].iter_errors(obj)]


def urls_in(value):
    """Every absolute URL anywhere in a JSON value."""
    if isinstance(value, dict):
        for item in value.values():
            yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)
    elif isinstance(value, str) and value.startswith("http://testserver/"):
        yield value


def objects_in(value):
    """Every OParl object (a dict with id and type) in a JSON value, nested ones too."""
    if isinstance(value, dict):
        if "id" in value and "type" in value:
            yield value
        for item in value.values():
            yield from objects_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from objects_in(item)


def crawl(client, start=OPARL):
    """GET everything reachable from `start`. Returns (objects by id, {url: status}, other
    responses by url): OParl URLs are parsed as JSON, the rest (PDFs, pages) only fetched."""
    seen, statuses, others, objects = set(), {}, {}, {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        statuses[url] = response.status_code
        if not url.startswith(OPARL):
            others[url] = response
            continue
        if response.status_code != 200:
            continue
        data = response.json()
        for obj in objects_in(data):
            objects.setdefault(obj["id"], obj)
        queue.extend(u for u in urls_in(data) if u not in seen)
    return objects, statuses, others
