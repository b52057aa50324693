/**
 * The open lots of one (account, symbol) and how a trade relieves them (P&L contract
 * section 2): FIFO the oldest first, LIFO the newest first, Average one lot at the average
 * cost. A trade larger than the position closes it and opens the rest the other way.
 */
import type { CostBasis } from './pnl-settings.js';

export interface Lot {
  /** Open day (Excel serial). Under Average: the day the position opened. */
  day: number;
  price: number;
  /** Signed: positive long, negative short. */
  quantity: number;
}

/** One closed piece: `quantity` signed as the lot was (positive for a closed long lot). */
export interface ClosedPiece {
  openDay: number;
  openPrice: number;
  quantity: number;
}

export class LotBook {
  /** Open lots, oldest first, from `head` on (FIFO consumes from the front without shifting). */
  private lots: Lot[] = [];
  private head = 0;
  /** Signed open quantity. */
  quantity = 0;

  constructor(private readonly basis: CostBasis) {}

  /**
   * Books a trade of signed `quantity` at `price` on `day`; `onClose` receives every piece
   * it closes, in relief order.
   */
  trade(day: number, quantity: number, price: number, onClose: (piece: ClosedPiece) => void): void {
    let rest = quantity;
    // Against the position: relieve lots until the trade or the position is used up.
    while (rest !== 0 && this.quantity !== 0 && Math.sign(rest) !== Math.sign(this.quantity)) {
      const lot = this.basis === 'LIFO' ? this.lots[this.lots.length - 1] : this.lots[this.head];
      const closed = Math.abs(rest) >= Math.abs(lot.quantity) ? lot.quantity : -rest;
      onClose({ openDay: lot.day, openPrice: lot.price, quantity: closed });
      lot.quantity -= closed;
      this.quantity -= closed;
      rest += closed;
      if (lot.quantity === 0) this.dropLot();
    }
    // Fractional quantities (0.1 + 0.2) must not leave a dust lot behind.
    if (Math.abs(rest) < 1e-12 * Math.abs(quantity)) return;
    // With the position, from flat, or the remainder of a flip: a new lot.
    if (this.basis === 'Average' && this.open > 0) {
      const lot = this.lots[this.head];
      const total = lot.quantity + rest;
      lot.price = (lot.price * lot.quantity + price * rest) / total;
      lot.quantity = total;
    } else this.lots.push({ day, price, quantity: rest });
    this.quantity += rest;
  }

  /** Average open price of the open lots (quantity-weighted), or null when flat. */
  averageCost(): number | null {
    if (this.quantity === 0) return null;
    let cost = 0;
    for (let i = this.head; i < this.lots.length; i++) cost += this.lots[i].price * this.lots[i].quantity;
    return cost / this.quantity;
  }

  /** The number of open lots. */
  get open(): number {
    return this.lots.length - this.head;
  }

  private dropLot(): void {
    if (this.basis === 'LIFO') this.lots.pop();
    else this.head += 1;
    if (this.head === this.lots.length) {
      this.lots = [];
      this.head = 0;
      this.quantity = 0;
    } else if (this.head > 64 && this.head * 2 > this.lots.length) {
      this.lots = this.lots.slice(this.head);
      this.head = 0;
    }
  }
}
