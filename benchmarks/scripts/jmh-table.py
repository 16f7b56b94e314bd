#!/usr/bin/env python3
"""Summarises a DecodeBenchmark JMH JSON result (-rf json) as the table of docs/performance.md.

Per shape, size and format: the time per op of decode, decodeWithCalls, treeModel and tokenWalk, the
decoder's throughput relative to the tree model (x) and to the token walk (%), and the allocation per decode.
Times are the minimum sample by default (on a shared machine the least disturbed one); "median" as second
argument uses the medians. Usage: benchmarks/scripts/jmh-table.py result.json [min|median]
"""
import json
import sys

rows = {}
for r in json.load(open(sys.argv[1])):
    bench = r["benchmark"].rsplit(".", 1)[1]
    p = r["params"]
    key = (p["shape"], int(p["nodes"]), p["format"])
    m = r["primaryMetric"]
    median = m["scorePercentiles"]["50.0" if len(sys.argv) > 2 and sys.argv[2] == "median" else "0.0"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows.setdefault(key, {})[bench] = (median, alloc)

print("| shape | nodes | format | decode | with calls | tree model | token walk | decode ÷ tree (x) "
      "| decode ÷ walk | with calls ÷ tree | with calls ÷ walk | alloc decode / with calls / tree |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for key in sorted(rows):
    b = rows[key]
    d, c, t, w = (b.get(n, (float("nan"), None)) for n in ("decode", "decodeWithCalls", "treeModel", "tokenWalk"))
    mb = lambda a: "?" if a is None else "%.1f" % (a / 1e6)
    print("| %s | %d | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f× | %.0f%% | %.1f× | %.0f%% | %s / %s / %s MB |" % (
        key[0], key[1], key[2], d[0], c[0], t[0], w[0], t[0] / d[0], 100 * w[0] / d[0], t[0] / c[0],
        100 * w[0] / c[0], mb(d[1]), mb(c[1]), mb(t[1])))
