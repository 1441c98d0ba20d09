#!/usr/bin/env python3
"""Sizes of what a run keeps in storage, read from Azurite's own database files (its --location directory): blob bytes
and counts per container and top-level folder (the state's Parquet per bucket, the normalised batches, the uploaded
exports), and entities per table with their JSON size (the generation tables: one row per customer).
Azurite saves these files every few seconds, so the numbers are a snapshot as of the last save.
Usage: storage_sizes.py AZURITE_LOCATION [CUSTOMERS]"""
import json
import os
import sys
from collections import defaultdict

location = sys.argv[1]
customers = int(sys.argv[2]) if len(sys.argv) > 2 else 0


def load(name):
    path = os.path.join(location, name)
    return json.load(open(path)) if os.path.exists(path) else {"collections": []}


def per_customer(total):
    return f", {total / customers:,.0f} bytes per customer" if customers else ""


blobs = defaultdict(lambda: [0, 0])
for collection in load("__azurite_db_blob__.json")["collections"]:
    if collection["name"] != "$BLOBS_COLLECTION$":
        continue
    for blob in collection["data"]:
        if blob.get("deleted"):
            continue
        folder = blob["name"].split("/")[0] if "/" in blob["name"] else "(top)"
        entry = blobs[(blob["containerName"], folder)]
        entry[0] += 1
        entry[1] += blob["properties"].get("contentLength", 0)
for (container, folder), (count, size) in sorted(blobs.items()):
    if size:
        print(f"  blob {container}/{folder}: {count} blobs, {size:,} bytes{per_customer(size)}")

for collection in load("__azurite_db_table__.json")["collections"]:
    name = collection["name"]
    if name.startswith("$") or not collection["data"]:
        continue
    size = sum(len(json.dumps(e.get("properties", e), separators=(",", ":"))) for e in collection["data"])
    print(f"  table {name.split('$')[-1]}: {len(collection['data']):,} entities, {size:,} bytes as JSON{per_customer(size)}")
