"""The same FIFO booking as bench/pnl.ts, written the way an analyst would in pandas: read
the blotter, sort it by date and time (stable, so file order breaks ties), then walk each
(account, symbol)'s lots in a deque. Prints the trades booked, the closed pieces and the
total realized P&L."""
import sys
from collections import deque

import pandas as pd

trades = pd.read_csv(sys.argv[1])
trades = trades.sort_values(["date", "time"], kind="stable")
signed = trades["quantity"].where(trades["side"] == "BUY", -trades["quantity"])

books = {}
realized = 0.0
pieces = 0
for account, symbol, qty, price in zip(trades["account"], trades["symbol"], signed, trades["price"]):
    lots = books.setdefault((account, symbol), deque())
    rest = qty
    while rest and lots and (lots[0][0] > 0) != (rest > 0):
        lot_qty, lot_price = lots[0]
        closed = lot_qty if abs(rest) >= abs(lot_qty) else -rest
        realized += (price - lot_price) * closed
        pieces += 1
        if closed == lot_qty:
            lots.popleft()
        else:
            lots[0] = (lot_qty - closed, lot_price)
        rest += closed
    if rest:
        lots.append((rest, price))

print(f"{len(trades)} trades, {pieces} closed pieces, realized {realized:.2f}")
