#!/usr/bin/env python3
"""Seconds each stage and bucket pass of one run took, from the host logs' memory lines (StageMemoryLog):
`HH:MM:SS.fff info: ... Run {runId}: pass 'rank' ended; peak RSS so far ...`. The host logs milliseconds (logs from
before stop 19 whole seconds: each figure then within a second, printed as such); "recommender" is the time between the end of pass 'score' and the end of the score stage (the
recommender's fits, holdout measurement and lists; where the host also logs the recommender's steps, "candidates
fitted" and the rest, it is the time after the last of them). Usage: pass_times.py RUN_ID HOST_LOG [HOST_LOG ...]"""
import re
import sys
from datetime import datetime, timedelta


def main(run_id, logs):
    ended = re.compile(r"^(\d\d:\d\d:\d\d(?:\.\d+)?) \w+: \S+ Run " + re.escape(run_id) + r": (.+) ended; peak RSS")
    marks = []
    for path in logs:
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = ended.match(line)
                if match:
                    stamp = match.group(1)
                    marks.append((datetime.strptime(stamp, "%H:%M:%S.%f" if "." in stamp else "%H:%M:%S"), match.group(2)))
    marks.sort(key=lambda m: m[0])
    if len(marks) < 2:
        print(f"  pass times: no stage lines for run {run_id}")
        return
    decimals = 2 if any(m[0].microsecond for m in marks) else 0
    names = {"score": "recommender", "read": "read (rest)"}
    parts = []
    for (before, _), (at, stage) in zip(marks, marks[1:]):
        if stage == "housekeeping":
            continue
        seconds = (at - before) % timedelta(days=1)
        parts.append(f"{names.get(stage, stage)} {seconds.total_seconds():.{decimals}f}")
    print(f"  pass times (s, {'from' if decimals else 'whole seconds from'} the host log): " + ", ".join(parts))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
