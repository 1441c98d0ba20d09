#!/usr/bin/env python3
"""Independent reference implementation of RFM segmentation for the UCI Online Retail data set.

This script is deliberately written from the specification alone (Python 3 standard
library only, exact rational arithmetic) and does NOT share any code or logic with the
C# implementation. It is used to derive the expected numbers (scored-customer count,
quintile cut points, R/F/M score distributions and per-segment customer counts) that the
C# tests assert against.

Rules implemented:
  * Rows with an empty CustomerID are skipped; "17850.0" is normalised to "17850".
  * An order is an InvoiceNo; invoices starting with "C" are cancellations.
    Line amount = Quantity * UnitPrice (exact, fractions.Fraction).
  * As-of date D (default 2011-12-10, first positional argument, YYYY-MM-DD).
  * Per customer:
      recency_days = D - date of last non-cancelled order (whole days, date part only)
      frequency    = number of distinct non-cancelled InvoiceNo
      monetary     = sum of ALL the customer's line amounts (cancellations included),
                     floored at 0
    Customers without any non-cancelled order are not scored.
  * Cut points per metric = 20/40/60/80th percentiles over all scored customers using
    numpy's default 'linear' method (h = (n-1)*p, interpolate between x[floor(h)] and
    x[floor(h)+1]), computed exactly with Fraction.
  * F and M score = 1 + number of cut points strictly below the value.
    R score = 5 - number of cut points strictly below recency_days.
  * Segment is looked up by the three-digit code "RFM" in SEGMENTS below.

Usage:
  python3 rfm_reference.py [AS_OF_DATE] [--csv PATH] [--out CUSTOMERS_CSV]
"""

import argparse
import csv
import datetime
from collections import Counter, defaultdict
from fractions import Fraction

DEFAULT_CSV = "/work/shared/data/online-retail/online_retail_2010-2011.csv"
DEFAULT_AS_OF = "2011-12-10"
PERCENTILES = (Fraction(20, 100), Fraction(40, 100), Fraction(60, 100), Fraction(80, 100))

SEGMENTS = {
    "Champions": "555 554 544 545 454 455 445",
    "Loyal": "543 444 435 355 354 345 344 335",
    "Potential Loyalist": "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 "
                          "432 423 353 352 351 342 341 333 323",
    "New Customers": "512 511 422 421 412 411 311",
    "Promising": "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313",
    "Need Attention": "535 534 443 434 343 334 325 324",
    "About To Sleep": "331 321 312 221 213",
    "At Risk": "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 "
               "134 133 125 124",
    "Can't Lose Them": "155 154 144 214 215 115 114 113",
    "Hibernating": "332 322 231 241 251 233 232 223 222 132 123 122 212 211",
    "Lost": "111 112 121 131 141 151",
}


def build_code_table():
    table = {}
    for name, codes in SEGMENTS.items():
        for code in codes.split():
            assert code not in table, "code %s listed twice (%s, %s)" % (code, table[code], name)
            table[code] = name
    all_codes = {"%d%d%d" % (r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)}
    assert len(all_codes) == 125
    assert set(table) == all_codes, "segment table mismatch: missing=%s extra=%s" % (
        sorted(all_codes - set(table)), sorted(set(table) - all_codes))
    assert len(table) == 125
    return table


def percentile_linear(sorted_values, p):
    """numpy.percentile(..., method='linear') computed exactly."""
    n = len(sorted_values)
    h = (n - 1) * p
    lo = h.numerator // h.denominator  # floor (h >= 0)
    if lo + 1 >= n:
        return Fraction(sorted_values[n - 1])
    x_lo = Fraction(sorted_values[lo])
    x_hi = Fraction(sorted_values[lo + 1])
    return x_lo + (h - lo) * (x_hi - x_lo)


def fmt_decimal(q, max_places=10):
    """Exact decimal string of a Fraction if it terminates, else rounded to max_places."""
    q = Fraction(q)
    sign = "-" if q < 0 else ""
    q = abs(q)
    d = q.denominator
    places = 0
    while d % 10 == 0 or d % 2 == 0 or d % 5 == 0:
        if d % 10 == 0:
            d //= 10
        elif d % 2 == 0:
            d //= 2
        else:
            d //= 5
        places += 1
    exact = d == 1
    if not exact:
        places = max_places
    scaled = q * (10 ** places)
    # round half up for the inexact case (exact case is an integer already)
    n = scaled.numerator // scaled.denominator
    if not exact and scaled - n >= Fraction(1, 2):
        n += 1
    s = str(n).rjust(places + 1, "0")
    if places:
        s = s[:-places] + "." + s[-places:]
        s = s.rstrip("0").rstrip(".") if exact else s
    return sign + s + ("" if exact else "...")


def fmt_money(q):
    """Round half away from zero to 2 decimals (monetary is >= 0 here)."""
    q = Fraction(q)
    scaled = q * 100
    n = scaled.numerator // scaled.denominator
    if scaled - n >= Fraction(1, 2):
        n += 1
    return "%d.%02d" % (n // 100, n % 100)


def load(csv_path):
    last_date = {}                  # customer -> latest date of a non-cancelled order
    invoices = defaultdict(set)     # customer -> distinct non-cancelled InvoiceNo
    monetary = defaultdict(Fraction)  # customer -> sum of all line amounts
    rows = skipped = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            rows += 1
            cid = row["CustomerID"].strip()
            if not cid:
                skipped += 1
                continue
            if cid.endswith(".0"):
                cid = cid[:-2]
            invoice = row["InvoiceNo"].strip()
            amount = int(row["Quantity"]) * Fraction(row["UnitPrice"].strip())
            monetary[cid] += amount
            if invoice.startswith("C"):
                continue
            invoices[cid].add(invoice)
            d = datetime.datetime.strptime(row["InvoiceDate"].strip(), "%Y-%m-%d %H:%M:%S").date()
            if cid not in last_date or d > last_date[cid]:
                last_date[cid] = d
    return rows, skipped, last_date, invoices, monetary


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("as_of", nargs="?", default=DEFAULT_AS_OF, help="as-of date YYYY-MM-DD")
    ap.add_argument("--csv", default=DEFAULT_CSV, help="path to the Online Retail CSV")
    ap.add_argument("--out", help="write per-customer CSV here")
    args = ap.parse_args()

    table = build_code_table()
    as_of = datetime.date.fromisoformat(args.as_of)

    rows, skipped, last_date, invoices, monetary = load(args.csv)

    customers = sorted(last_date, key=lambda c: (len(c), c))
    metrics = {}
    for c in customers:
        r = (as_of - last_date[c]).days
        f = len(invoices[c])
        m = max(monetary[c], Fraction(0))
        metrics[c] = (r, f, m)

    n = len(customers)
    cuts = {}
    for idx, name in enumerate(("recency", "frequency", "monetary")):
        values = sorted(v[idx] for v in metrics.values())
        cuts[name] = [percentile_linear(values, p) for p in PERCENTILES]

    def below(cutlist, v):
        return sum(1 for c in cutlist if c < v)

    results = []
    for c in customers:
        r, f, m = metrics[c]
        rs = 5 - below(cuts["recency"], r)
        fs = 1 + below(cuts["frequency"], f)
        ms = 1 + below(cuts["monetary"], m)
        code = "%d%d%d" % (rs, fs, ms)
        results.append((c, r, f, m, rs, fs, ms, code, table[code]))

    print("input rows (excl. header): %d" % rows)
    print("rows skipped (empty CustomerID): %d" % skipped)
    print("customers with any row: %d" % len(monetary))
    print("as-of date: %s" % as_of.isoformat())
    print("scored customers: %d" % n)
    print()
    print("cut points (p20, p40, p60, p80):")
    for name in ("recency", "frequency", "monetary"):
        print("  %-9s %s" % (name, ", ".join(fmt_decimal(x) for x in cuts[name])))
    print()
    for label, pos in (("R", 4), ("F", 5), ("M", 6)):
        dist = Counter(res[pos] for res in results)
        print("%s score distribution: %s" % (label, ", ".join(
            "%d=%d" % (s, dist.get(s, 0)) for s in range(1, 6))))
    print()
    seg_counts = Counter(res[8] for res in results)
    print("segment counts:")
    for name in sorted(SEGMENTS):
        print("  %-20s %d" % (name, seg_counts.get(name, 0)))
    total = sum(seg_counts.values())
    print("  %-20s %d" % ("TOTAL", total))
    assert total == n

    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["customer_id", "recency_days", "frequency", "monetary",
                        "r", "f", "m", "rfm_code", "rfm_segment"])
            for c, r, f, m, rs, fs, ms, code, seg in results:
                w.writerow([c, r, f, fmt_money(m), rs, fs, ms, code, seg])
        print()
        print("wrote %d customers to %s" % (len(results), args.out))


if __name__ == "__main__":
    main()
