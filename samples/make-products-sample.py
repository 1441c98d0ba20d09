"""Writes products-sample.csv: a SYNTHETIC product catalog (config/products.csv format) for the stock codes of
online-retail-sample.csv, so that a local run has product attributes to query. The UCI data set has no
categories or vendors: the category is derived from the product's description by the keyword rule below,
the vendor is drawn from a hash of the stock code. The file is the same on every machine.

    python3 samples/make-products-sample.py

Category rule: the description (the most frequent non-empty one of the stock code, upper-cased) is matched
against CATEGORIES in order; the first category with a keyword that starts a word of the description wins
(LIGHT matches T-LIGHTS, CARD matches CARDS); no match gives 'Other'.
"""
import csv
import hashlib
import re
from collections import Counter, defaultdict

CATEGORIES = [
    ("Fees & postage", ["POSTAGE", "CARRIAGE", "MANUAL", "DISCOUNT", "BANK CHARGES", "AMAZON FEE", "ADJUST"]),
    ("Christmas", ["CHRISTMAS", "XMAS", "SANTA", "ADVENT", "REINDEER", "SNOWFLAKE"]),
    ("Lighting", ["LIGHT", "LANTERN", "CANDLE", "LAMP"]),
    ("Kitchen", ["MUG", "CUP", "SAUCER", "TEAPOT", "PLATE", "BOWL", "JAR", "LUNCH", "CAKE", "BAKING", "KITCHEN",
                 "SPOON", "TEA", "NAPKIN", "APRON", "JUG", "BOTTLE", "TRAY"]),
    ("Bags", ["BAG", "PURSE"]),
    ("Stationery", ["CARD", "PAPER", "WRAP", "NOTEBOOK", "PENCIL", "STICKER", "TAPE", "ENVELOPE"]),
    ("Garden", ["GARDEN", "PLANT", "WATERING", "BIRD"]),
    ("Toys", ["TOY", "DOLL", "GAME", "PLAYHOUSE", "JIGSAW", "SPACEBOY"]),
    ("Decor", ["SIGN", "FRAME", "CLOCK", "CUSHION", "HEART", "DOORMAT", "HOOK", "MIRROR", "ORNAMENT", "DECORATION"]),
]
VENDORS = ["Alder & Co", "Birch Trading", "Cedar Imports", "Damson Ltd", "Elm Wholesale"]


def category(description):
    for name, keywords in CATEGORIES:
        if any(re.search(r"\b" + re.escape(k), description) for k in keywords):
            return name
    return "Other"


descriptions = defaultdict(Counter)
with open("samples/online-retail-sample.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        code = row["StockCode"].strip()
        if code:
            descriptions[code][row["Description"].strip().upper()] += 1 if row["Description"].strip() else 0

with open("samples/products-sample.csv", "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["product", "category", "vendor"])
    for code in sorted(descriptions):
        named = [d for d, n in descriptions[code].most_common() if d and n > 0]
        vendor = VENDORS[int(hashlib.sha256(code.encode()).hexdigest(), 16) % len(VENDORS)]
        out.writerow([code, category(named[0]) if named else "Other", vendor])
