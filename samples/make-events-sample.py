"""Writes events-sample.jsonl: SYNTHETIC behaviour events (Segment spec track/page/identify messages, the layout
Segment and RudderStack write to object storage) for the customers of online-retail-sample.csv, in the weeks before
the sample's last order, so that a local run as of 2011-12-10 has cart abandoners, browse abandoners and prospects.
The UCI data set has no events; every choice here is drawn from a hash of the customer id, so the file is the same
on every machine.

    python3 samples/make-events-sample.py
"""
import csv
import hashlib
import json
from datetime import datetime, timedelta


def draw(key, salt, n):
    return int(hashlib.sha256(f"{key}:{salt}".encode()).hexdigest(), 16) % n


last_order, products, prices, invoices = {}, {}, {}, {}
with open("samples/online-retail-sample.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["StockCode"] and row["UnitPrice"] not in ("", "0.0"):
            prices.setdefault(row["StockCode"], row["UnitPrice"])
        if not row["CustomerID"] or row["InvoiceNo"].startswith("C"):
            continue
        cid = row["CustomerID"].split(".")[0]
        at = datetime.strptime(row["InvoiceDate"], "%Y-%m-%d %H:%M:%S")
        if cid not in last_order or at > last_order[cid]:
            last_order[cid] = at
            invoices[cid] = row["InvoiceNo"]
        products.setdefault(cid, []).append(row["StockCode"])

END = datetime(2011, 12, 10)  # the run date of scripts/run-local.sh: events count up to 2011-12-09
messages = []


def add(cid, anonymous, kind, at, name=None, properties=None):
    message = {"type": kind, "messageId": f"sample-{len(messages):05d}", "timestamp": at.strftime("%Y-%m-%dT%H:%M:%S") + "Z"}
    if cid:
        message["userId"] = cid
    if anonymous:
        message["anonymousId"] = anonymous
    if name:
        message["event"] = name
    if properties:
        message["properties"] = properties
    messages.append(message)


def product(cid, salt):
    codes = products[cid]
    code = codes[draw(cid, salt, len(codes))]
    return {"product_id": code, "price": float(prices.get(code, "1.0")), "quantity": 1 + draw(cid, salt + "q", 3)}


for cid in sorted(last_order, key=int):
    role = draw(cid, "role", 20)
    anonymous = f"anon-{hashlib.sha256(cid.encode()).hexdigest()[:12]}"
    # Everyone with events visited some pages in November.
    for i in range(1 + draw(cid, "visits", 3)):
        add(cid, anonymous, "page", datetime(2011, 11, 5 + draw(cid, f"visit{i}", 20), 9 + i, 0))
    if role < 4:
        # Cart abandoner: products added after the last order, in the week before the run, no order since.
        day = max(last_order[cid] + timedelta(days=1), END - timedelta(days=1 + draw(cid, "cartday", 6)))
        if day < END:
            for i in range(1 + draw(cid, "adds", 3)):
                add(cid, anonymous, "track", day.replace(hour=10 + i, minute=draw(cid, f"m{i}", 60)), "Product Added", product(cid, f"add{i}"))
            if draw(cid, "checkout", 2) == 0:
                add(cid, anonymous, "track", day.replace(hour=14, minute=0), "Checkout Started", None)
    elif role < 7:
        # Browse abandoner: two to four product views in the week before the run, nothing added, no order since.
        day = max(last_order[cid] + timedelta(days=1), END - timedelta(days=1 + draw(cid, "browseday", 6)))
        if day < END:
            for i in range(2 + draw(cid, "views", 3)):
                add(cid, anonymous, "track", day.replace(hour=11 + i, minute=5), "Product Viewed", product(cid, f"view{i}"))
    elif role < 9:
        # Browsed anonymously, then signed in: the identify call links the cookie's views to the customer.
        day = END - timedelta(days=2 + draw(cid, "linkday", 4))
        for i in range(2):
            add(None, anonymous, "track", day.replace(hour=9, minute=10 * i), "Product Viewed", product(cid, f"anon{i}"))
        add(cid, anonymous, "identify", day.replace(hour=9, minute=30))
    elif role < 11:
        # The shop's own tracking of the latest order: the same order id as the export, counted once.
        add(cid, anonymous, "track", last_order[cid], "Order Completed", {"order_id": invoices[cid]})

# Sign-ups without orders (customers-sample.csv's 99901-99903): prospects when seen in the last 30 days.
for i, cid in enumerate(["99901", "99902", "99903"]):
    add(cid, f"anon-signup-{i}", "identify", datetime(2011, 11, 18, 18, 0) + timedelta(days=5 * i))
    add(cid, f"anon-signup-{i}", "page", datetime(2011, 11, 19, 18, 30) + timedelta(days=5 * i))
# Visitors who never sign in: counted as visitors, never customers.
for i in range(10):
    add(None, f"anon-visitor-{i}", "track", datetime(2011, 12, 1 + i % 9, 12, i), "Product Viewed", {"product_id": "22139", "price": 4.95})

messages.sort(key=lambda m: (m["timestamp"], m["messageId"]))
with open("samples/events-sample.jsonl", "w", encoding="utf-8", newline="\n") as f:
    for message in messages:
        f.write(json.dumps(message, separators=(",", ":")) + "\n")
print(f"wrote {len(messages)} messages")
