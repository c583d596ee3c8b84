#!/usr/bin/env python3
"""Run decruft's sharded corpus dedup on a Spark cluster.

Three phases, each a Spark stage of independent tasks that call the decruft binary on a
filesystem every executor sees (NFS, a mounted bucket, or local disk in local mode):

  1. index: one task per input shard i/N  (mapPartitions)  -> WORK/idx-i
  2. merge: one task per hash bucket k/B  (mapPartitions)  -> WORK/dec-k
  3. clean: one task per input shard i/N  (mapPartitions)  -> OUT/shard-i/

The union of OUT/shard-*/ equals one `decruft clean --dedup corpus` run: document numbers are
positions in the sorted input order, which every task computes the same way.

  spark-submit decruft_spark.py --decruft /path/to/decruft --input corpus/ \\
      --work work/ --out out/ --shards 8 --buckets 4
"""
import argparse
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):  # 1: some input failed, reported in the shard's summary
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()}")
    return p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--decruft", required=True, help="path to the decruft binary (same on every executor)")
    ap.add_argument("--input", required=True, nargs="+", help="input files or folders")
    ap.add_argument("--work", required=True, help="folder for index and decision files")
    ap.add_argument("--out", required=True, help="output folder: one shard-i/ per input shard")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--buckets", type=int, default=2)
    ap.add_argument("--near", default="0.8", help="near-duplicate threshold (clean --near)")
    ap.add_argument("--chrome-df", default="5", help="learned chrome threshold (merge and clean --chrome-df)")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    spark = SparkSession.builder.appName("decruft-corpus-dedup").getOrCreate()
    sc = spark.sparkContext
    n, b, binary, inputs = a.shards, a.buckets, a.decruft, a.input
    chrome = ["--chrome-df", a.chrome_df]
    idx = [os.path.join(a.work, f"idx-{i}") for i in range(n)]
    dec = [os.path.join(a.work, f"dec-{k}") for k in range(b)]

    def index_part(parts):
        for i in parts:
            run([binary, "index", *inputs, "--shard", f"{i}/{n}", "--out", idx[i]])
            yield i

    def merge_part(parts):
        for k in parts:
            run([binary, "merge", *idx, "--bucket", f"{k}/{b}", "--out", dec[k], *chrome])
            yield k

    def clean_part(parts):
        for i in parts:
            out = os.path.join(a.out, f"shard-{i}")
            code = run([binary, "clean", "-q", *inputs, "--shard", f"{i}/{n}", "--decisions", *dec, "--out", out, "--near", a.near, *chrome])
            yield (i, code)

    sc.parallelize(range(n), n).mapPartitions(index_part).collect()
    sc.parallelize(range(b), b).mapPartitions(merge_part).collect()
    results = sc.parallelize(range(n), n).mapPartitions(clean_part).collect()
    spark.stop()
    failed = [i for i, code in results if code != 0]
    print(f"decruft on spark: {n} shards, {b} buckets, outputs in {a.out}; shards with failed inputs: {failed or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
