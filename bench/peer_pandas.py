"""The same whole job as bench/recon.ts, written the way an analyst would in pandas: read both
CSVs, outer merge on the key, five computed columns with an exception label, write
results.csv and exceptions.csv. Prints one JSON line: phase times (read, merge, compute,
write), rows, and the exceptions by kind, which bench/recon.ts compares with Tickmark's.

    python3 bench/peer_pandas.py fo.csv broker.csv OUT_DIR
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd

fo_path, broker_path, out_dir = sys.argv[1:4]
os.makedirs(out_dir, exist_ok=True)
phases = {}
mark = time.perf_counter()


def phase(name):
    global mark
    now = time.perf_counter()
    phases[name + "_s"] = round(now - mark, 3)
    mark = now


fo = pd.read_csv(fo_path).add_prefix("left.")
br = pd.read_csv(broker_path).add_prefix("right.")
phase("read")
m = fo.merge(br, how="outer", left_on="left.exec_id", right_on="right.exec_ref", indicator=True)
m["match"] = m["_merge"].map({"both": "matched", "left_only": "left only", "right_only": "right only"}).astype(object)
m = m.drop(columns=["_merge"])
phase("merge")
m["qty_diff"] = m["left.quantity"] - m["right.quantity"]
m["px_diff"] = (m["left.price"] - m["right.price"]).round(6)
m["notional"] = m["left.quantity"] * m["left.price"]
m["comm_diff"] = (m["left.commission"] - m["right.commission"]).abs()
m["Exception"] = np.select(
    [m["match"] != "matched", m["qty_diff"] != 0, m["px_diff"].abs() > 0.005, m["comm_diff"] > 0.01],
    [m["match"], "quantity", "price", "commission"],
    default="",
)
exceptions = m[m["Exception"] != ""]
phase("compute")
m.to_csv(os.path.join(out_dir, "results.csv"), index=False)
exceptions.to_csv(os.path.join(out_dir, "exceptions.csv"), index=False)
phase("write")
by_kind = {str(k): int(v) for k, v in exceptions["Exception"].value_counts().items()}
print(json.dumps({"phases": phases, "rows": int(len(m)), "exceptions": int(len(exceptions)), "by_exception": by_kind}))
