"""The same reconciliation as bench/recon.ts, written the way an analyst would in pandas:
outer merge on the key, five computed columns, an exception label, CSV out."""
import sys
import numpy as np
import pandas as pd

fo_path, broker_path, out_path = sys.argv[1:4]
fo = pd.read_csv(fo_path).add_prefix("left.")
br = pd.read_csv(broker_path).add_prefix("right.")
m = fo.merge(br, how="outer", left_on="left.exec_id", right_on="right.exec_ref", indicator=True)
m["match"] = m["_merge"].map({"both": "matched", "left_only": "left only", "right_only": "right only"})
m["qty_diff"] = m["left.quantity"] - m["right.quantity"]
m["px_diff"] = (m["left.price"] - m["right.price"]).round(6)
m["notional"] = m["left.quantity"] * m["left.price"]
m["comm_diff"] = (m["left.commission"] - m["right.commission"]).abs()
m["Exception"] = np.select(
    [m["match"] != "matched", m["qty_diff"] != 0, m["px_diff"].abs() > 0.005, m["comm_diff"] > 0.01],
    [m["match"], "quantity", "price", "commission"],
    default="",
)
m.drop(columns=["_merge"]).to_csv(out_path, index=False)
print(f"{len(m)} rows, {(m['Exception'] != '').sum()} exceptions")
