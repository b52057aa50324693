/** Writes the demo rule sheets (examples/sheets/*.xlsx) as real Excel workbooks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { isoToSerial } from '../rules/field-values.js';

export type Cell = string | number | boolean | null;

/** A cell: `=…` becomes a formula, an ISO date a real Excel date. */
function cell(value: Cell): XLSX.CellObject | null {
  if (value === null) return null;
  if (typeof value === 'string' && value.startsWith('=')) return { t: 'n', f: value.slice(1) } as XLSX.CellObject;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { t: 'n', v: isoToSerial(value)!, z: 'yyyy-mm-dd' };
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: value };
}

export function sheet(rows: Cell[][], widths: number[] = []): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const content = cell(value);
      if (content) ws[XLSX.utils.encode_cell({ r, c })] = content;
      maxCol = Math.max(maxCol, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: maxCol } });
  if (widths.length) ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}

export function write(path: string, sheets: Record<string, XLSX.WorkSheet>): void {
  const book = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, ws, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

const settings = (rows: [string, Cell][]) => sheet(rows, [18, 70]);

export interface SheetInputs {
  closes: { date: string; symbol: string; close: number }[];
  restricted: { symbol: string; from: string; to: string; reason: string }[];
  symbols: string[];
}

/** Writes fo-vs-broker, fo-vs-bo, compliance and positions-report into `dir`. */
export function writeRuleSheets(dir: string, inputs: SheetInputs): void {
  mkdirSync(dir, { recursive: true });

  write(join(dir, 'fo-vs-broker.xlsx'), {
    Settings: settings([
      ['Type', 'Reconciliation'],
      ['Left', 'fo_blotter'],
      ['Right', 'broker_confirms'],
      ['Match 1', 'block_id = block_id'],
      ['Aggregate Left', 'quantity: SUM, price: WAVG(quantity), commission: SUM'],
      ['Age from', 'trade_date'],
      ['Param PriceTol', 0.0001],
      ['Param CommissionTol', 0.01],
    ]),
    Rows: sheet(
      [
        [
          'left.block_id',
          'right.confirm_id',
          'match',
          'left.count',
          'left.account',
          'left.symbol',
          'left.side',
          'left.trade_date',
          'left.quantity',
          'right.quantity',
          'left.price',
          'right.avg_price',
          'left.commission',
          'right.commission',
          'left.settle_date',
          'right.settle_date',
          'qty_diff',
          'px_diff',
          'comm_diff',
          'settle_bdays',
          'Exception',
        ],
        [
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          '=IF(C2="matched",I2-J2,"")',
          '=IF(C2="matched",ROUND(K2-L2,6),"")',
          '=IF(C2="matched",ROUND(M2-N2,2),"")',
          '=IF(C2="matched",BDAYS(O2,P2,"NYSE"),"")',
          '=IF(C2="left only","missing at broker",IF(C2="right only","missing in FO",IF(Q2<>0,"quantity",IF(ABS(R2)>PriceTol,"price",IF(ABS(S2)>CommissionTol,"commission",IF(T2<>0,"settle date",""))))))',
        ],
      ],
      [12, 12, 10, 8, 10, 8, 6, 11, 10, 10, 10, 10, 10, 10, 11, 11, 9, 9, 9, 9, 18],
    ),
    Summary: sheet(
      [
        ['Blocks matched', '=COUNTIF(Rows!C:C,"matched")'],
        ['Quantity breaks', '=COUNTIF(Rows!U:U,"quantity")'],
        ['Price breaks', '=COUNTIF(Rows!U:U,"price")'],
        ['Commission breaks', '=COUNTIF(Rows!U:U,"commission")'],
        ['Settlement date breaks', '=COUNTIF(Rows!U:U,"settle date")'],
        ['Missing at broker', '=COUNTIF(Rows!U:U,"missing at broker")'],
        ['Missing in FO', '=COUNTIF(Rows!U:U,"missing in FO")'],
        ['FO quantity', '=SUM(Rows!I:I)'],
      ],
      [26, 14],
    ),
  });

  write(join(dir, 'fo-vs-bo.xlsx'), {
    Settings: settings([
      ['Type', 'Reconciliation'],
      ['Left', 'fo_blotter'],
      ['Right', 'bo_book'],
      ['Match 1', 'exec_id = exec_id'],
      ['Match 2', 'account = account, symbol = symbol, side = side, trade_date = trade_date, quantity = quantity'],
      ['Age from', 'trade_date'],
      ['Param PriceTol', 0.0001],
    ]),
    Rows: sheet(
      [
        [
          'left.exec_id',
          'right.trade_ref',
          'right.exec_id',
          'match',
          'pass',
          'left.side',
          'left.quantity',
          'right.quantity',
          'left.price',
          'right.price',
          'left.settle_date',
          'right.settle_date',
          'left.commission',
          'right.net_amount',
          'expected_net',
          'Exception',
          'break',
        ],
        [
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          '=IF(D2="matched",ROUND(H2*J2+IF(F2="BUY",M2,-M2),2),"")',
          '=IF(D2="left only","missing in BO",IF(D2="right only","missing in FO",IF(G2<>H2,"quantity",IF(ABS(I2-J2)>PriceTol,"price",IF(K2<>L2,"settle date",IF(ABS(N2-O2)>0.01,"net amount",""))))))',
          '=IF(P2="",0,1)',
        ],
      ],
      [12, 10, 12, 10, 6, 6, 9, 9, 9, 9, 11, 11, 9, 11, 11, 16, 6],
    ),
    Summary: sheet(
      [
        ['Matched on exec id', '=COUNTIF(Rows!E:E,1)'],
        ['Matched on trade details', '=COUNTIF(Rows!E:E,2)'],
        ['Breaks', '=SUM(Rows!Q:Q)'],
      ],
      [26, 14],
    ),
  });

  write(join(dir, 'compliance.xlsx'), {
    Settings: settings([
      ['Type', 'Check'],
      ['Data', 'fo_blotter'],
      ['Key', 'exec_id'],
      ['Age from', 'trade_date'],
      ['Param MaxQty', 5000],
      ['Param PriceBand', 0.05],
    ]),
    Rows: sheet(
      [
        ['exec_id', 'trade_date', 'account', 'symbol', 'side', 'quantity', 'price', 'close', 'restricted', 'deviation', 'Exception'],
        [
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          '=SUMIFS(Closes!$C:$C,Closes!$A:$A,B2,Closes!$B:$B,D2)',
          '=COUNTIFS(Restricted!$A:$A,D2,Restricted!$B:$B,"<="&B2,Restricted!$C:$C,">="&B2)>0',
          '=IF(H2>0,ROUND(G2/H2-1,4),"")',
          '=IF(I2,"restricted",IF(F2>MaxQty,"size",IF(AND(H2>0,ABS(J2)>PriceBand),"price vs close","")))',
        ],
      ],
      [10, 11, 10, 8, 6, 9, 9, 9, 10, 10, 16],
    ),
    Summary: sheet(
      [
        ['Trades checked', '=COUNTA(Rows!A:A)-1'],
        ['Restricted-list trades', '=COUNTIF(Rows!K:K,"restricted")'],
        ['Over the size limit', '=COUNTIF(Rows!K:K,"size")'],
        ['Far from the close', '=COUNTIF(Rows!K:K,"price vs close")'],
      ],
      [26, 14],
    ),
    Restricted: sheet(
      [['symbol', 'from', 'to', 'reason'], ...inputs.restricted.map((r) => [r.symbol, r.from, r.to, r.reason])],
      [8, 11, 11, 28],
    ),
    Closes: sheet([['date', 'symbol', 'close'], ...inputs.closes.map((c) => [c.date, c.symbol, c.close])], [11, 8, 9]),
  });

  write(join(dir, 'positions-report.xlsx'), {
    Settings: settings([
      ['Type', 'Report'],
      ['Param AsOf', '2026-11-20'],
    ]),
    fo_blotter: sheet([['filled with the fo_blotter dataset at run time']]),
    closing_prices: sheet([['filled with the closing_prices dataset at run time']]),
    Positions: sheet(
      [
        ['symbol', 'bought', 'sold', 'net', 'close', 'market value'],
        ...inputs.symbols.map((symbol, i) => {
          const r = i + 2;
          return [
            symbol,
            `=SUMIFS(fo_blotter!$G:$G,fo_blotter!$E:$E,A${r},fo_blotter!$F:$F,"BUY")`,
            `=SUMIFS(fo_blotter!$G:$G,fo_blotter!$E:$E,A${r},fo_blotter!$F:$F,"SELL")`,
            `=B${r}-C${r}`,
            `=SUMIFS(closing_prices!$C:$C,closing_prices!$B:$B,A${r},closing_prices!$A:$A,AsOf)`,
            `=ROUND(D${r}*E${r},2)`,
          ] as Cell[];
        }),
        [
          'Total',
          `=SUM(B2:B${inputs.symbols.length + 1})`,
          `=SUM(C2:C${inputs.symbols.length + 1})`,
          `=SUM(D2:D${inputs.symbols.length + 1})`,
          null,
          `=SUM(F2:F${inputs.symbols.length + 1})`,
        ],
      ],
      [8, 10, 10, 10, 9, 14],
    ),
  });
}
