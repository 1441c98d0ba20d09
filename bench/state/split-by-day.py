#!/usr/bin/env python3
"""Splits an order export (UCI layout, as `segments generate` writes it) into daily batches: the first file holds every
row up to the first of the last N order days (the history), then one file per later order day.
Usage: split-by-day.py export.csv outdir [days=30]"""
import csv, os, sys

source, out = sys.argv[1], sys.argv[2]
days = int(sys.argv[3]) if len(sys.argv) > 3 else 30
with open(source, newline='', encoding='utf-8') as f:
    reader = csv.reader(f)
    header = next(reader)
    date_at = header.index('InvoiceDate')
    rows = list(reader)
order_days = sorted({r[date_at][:10] for r in rows if len(r) > date_at})
last = order_days[-days:]
os.makedirs(out, exist_ok=True)
files = {}
for i, day in enumerate(last):
    files[day] = open(os.path.join(out, f'day-{i + 1:03d}-{day}.csv'), 'w', newline='', encoding='utf-8')
    csv.writer(files[day]).writerow(header)
writers = {day: csv.writer(f) for day, f in files.items()}
for r in rows:
    day = r[date_at][:10]
    writers[max(last[0], day) if day >= last[0] else last[0]].writerow(r)
for f in files.values():
    f.close()
print(f'{len(rows):,} rows over {len(order_days)} order days: history up to {last[0]} in day-001, then {len(last) - 1} daily files to {last[-1]}')
