"""Writes customers-sample.csv: SYNTHETIC customer profiles (generic-customers layout) for the customers of
online-retail-sample.csv, so that a local run has profiles to join. The UCI data set has no demographics;
every value here is drawn from a hash of the customer id, so the file is the same on every machine.

    python3 samples/make-customers-sample.py
"""
import csv
import hashlib
from datetime import date, datetime, timedelta

CITIES = {
    "United Kingdom": [("London", "ENG"), ("Manchester", "ENG"), ("Glasgow", "SCT"), ("Cardiff", "WLS")],
    "Germany": [("Berlin", "BE"), ("Munich", "BY"), ("Hamburg", "HH")],
    "France": [("Paris", "IDF"), ("Lyon", "ARA")],
    "EIRE": [("Dublin", "D")],
    "Spain": [("Madrid", "MD"), ("Barcelona", "CT")],
}
COUNTRY_CODES = {"United Kingdom": "GB", "Germany": "DE", "France": "FR", "EIRE": "IE", "Spain": "ES"}
CHANNELS = ["organic", "paid_search", "paid_social", "referral", "trade_show"]
TAGS = ["wholesale", "vip", "newsletter", "gift_shop", "online_only"]


def draw(customer, salt, n):
    return int(hashlib.sha256(f"{customer}:{salt}".encode()).hexdigest(), 16) % n


first_order, country = {}, {}
with open("samples/online-retail-sample.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if not row["CustomerID"]:
            continue
        cid = row["CustomerID"].split(".")[0]
        day = datetime.strptime(row["InvoiceDate"][:10], "%Y-%m-%d").date()
        first_order[cid] = min(first_order.get(cid, day), day)
        country.setdefault(cid, row["Country"])

rows = []
for cid in sorted(first_order, key=int):
    if draw(cid, "has", 10) < 2:  # about one customer in five has no profile
        continue
    home = country[cid]
    city, region = CITIES.get(home, [("", "")])[draw(cid, "city", len(CITIES.get(home, [1])))]
    signup = first_order[cid] - timedelta(days=draw(cid, "signup", 400))
    consent_email = ["yes", "no", ""][draw(cid, "email", 3)]
    consent_sms = ["yes", "no", "no", ""][draw(cid, "sms", 4)]
    tags = sorted({TAGS[draw(cid, f"tag{i}", len(TAGS))] for i in range(draw(cid, "tags", 3))})
    rows.append({
        "customer_id": cid,
        "signup_date": signup.isoformat(),
        "birth_year": 1945 + draw(cid, "born", 60),
        "gender": ["F", "M", "F", "M", ""][draw(cid, "gender", 5)],
        "city": city,
        "region": region,
        "country": COUNTRY_CODES.get(home, ""),
        "acquisition_channel": CHANNELS[draw(cid, "channel", len(CHANNELS))],
        "consent_email": consent_email,
        "consent_email_at": f"{signup.isoformat()}T09:00:00Z" if consent_email else "",
        "consent_sms": consent_sms,
        "consent_sms_at": f"{signup.isoformat()}T09:00:00Z" if consent_sms else "",
        "tags": ", ".join(tags),
        "updated_at": "2011-12-01T00:00:00Z",
    })

# Three sign-ups that never ordered, and an older, conflicting record of the first customer.
for i, city in enumerate(["London", "Paris", "Berlin"]):
    rows.append({"customer_id": f"9990{i + 1}", "signup_date": "2011-11-20", "city": city, "consent_email": "yes",
                 "acquisition_channel": "referral", "updated_at": "2011-11-20T00:00:00Z"})
stale = dict(rows[0], city="Leeds", updated_at="2011-06-01T00:00:00Z")
rows.append(stale)

fields = ["customer_id", "signup_date", "birth_year", "gender", "city", "region", "country", "acquisition_channel",
          "consent_email", "consent_email_at", "consent_sms", "consent_sms_at", "tags", "updated_at"]
with open("samples/customers-sample.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"{len(rows)} records")
