#!/usr/bin/env python3
"""Prints the statistics table of a Gatling report (index.html) as plain text: name, count, KO, p50, p95, p99, max (ms).
Usage: loadtest/summary.py [loadtest/target/gatling/<run>/index.html]  (default: the latest run)"""
import glob, html.parser, sys

path = sys.argv[1] if len(sys.argv) > 1 else sorted(glob.glob("loadtest/target/gatling/*/index.html"))[-1]

class Table(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.rows = []; self.row = None; self.cell = None; self.in_body = False
    def handle_starttag(self, tag, attrs):
        if tag == "tbody": self.in_body = True
        if self.in_body and tag == "tr": self.row = []
        if self.row is not None and tag == "td": self.cell = ""
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None: self.row.append(" ".join(self.cell.split())); self.cell = None
        if tag == "tr" and self.row is not None:
            if self.row: self.rows.append(self.row)
            self.row = None
        if tag == "tbody": self.in_body = False
    def handle_data(self, data):
        if self.cell is not None: self.cell += data

t = Table(); t.feed(open(path, encoding="utf-8").read())
# columns: name, total, OK, KO, %KO, cnt/s, min, p50, p75, p95, p99, max, mean, std dev
print(path)
print(f"{'request':70} {'count':>6} {'KO':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>8}")
for r in t.rows:
    if len(r) >= 12:
        print(f"{r[0][:70]:70} {r[1]:>6} {r[3]:>4} {r[7]:>7} {r[9]:>7} {r[10]:>7} {r[11]:>8}")
