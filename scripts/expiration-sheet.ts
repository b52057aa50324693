/**
 * Writes examples/sheets/expiration.xlsx: the expiration process as a rule sheet. A
 * Reconciliation of option positions (Left) with contrary instructions (Right) on (account,
 * OCC symbol), the underlyings' closes read from a third dataset through `Lookup`. Each
 * expiring position gets its moneyness, its exercise-by-exception outcome, the assignment
 * risk of a short and the projected stock delivery; the exceptions are what a desk must
 * act on before the OCC deadline.
 */
import { join } from 'node:path';
import { columnLetters } from '../rules/workbook.js';
import { sheet, write, type Cell } from './example-sheets.js';

/**
 * The Rows columns: an input column has no formula; a formula names other columns as
 * `{header}` (their row-2 cell), so columns can move without rewriting the formulas.
 */
const DEFINITIONS: [header: string, formula: string | null][] = [
  ['left.account', null],
  ['left.occ_symbol', null],
  ['left.quantity', null],
  ['left.multiplier', null],
  ['right.account', null],
  ['right.occ_symbol', null],
  ['right.instruction', null],
  ['right.received_at', null],
  ['match', null],
  ['account', '=IF({left.account}<>"",{left.account},{right.account})'],
  ['occ_symbol', '=IF({left.occ_symbol}<>"",{left.occ_symbol},{right.occ_symbol})'],
  ['underlying', '=OPTROOT({occ_symbol})'],
  ['expiry', '=OPTEXPDATE({occ_symbol})'],
  ['type', '=OPTTYPE({occ_symbol})'],
  ['strike', '=OPTSTRIKE({occ_symbol})'],
  ['expiring', '=IFERROR({expiry}=ExpirationDate,FALSE)'],
  // How many closes the lookup holds for the underlying on the day: 0 and 2+ are both breaks.
  ['closes_found', '=IF({expiring},COUNTIFS(underlying_closes!$A:$A,{underlying},underlying_closes!$B:$B,ExpirationDate),"")'],
  [
    'close',
    '=IF({closes_found}=1,SUMIFS(underlying_closes!$C:$C,underlying_closes!$A:$A,{underlying},underlying_closes!$B:$B,ExpirationDate),"")',
  ],
  // In the money by: a call's close above the strike, a put's strike above the close.
  ['moneyness_amount', '=IF({close}="","",ROUND(IF({type}="C",{close}-{strike},{strike}-{close}),4))'],
  ['moneyness', '=IF({moneyness_amount}="","",IF({moneyness_amount}>0,"ITM",IF({moneyness_amount}<0,"OTM","ATM")))'],
  ['side', '=IF({left.quantity}>0,"long",IF({left.quantity}<0,"short",""))'],
  ['pin_risk', '=IF({moneyness_amount}="",FALSE,ABS({moneyness_amount})<=PinBand)'],
  // Exercise by exception: a long exercised when ITM by the threshold or more, unless instructed
  // otherwise; a short ITM by as much is expected to be assigned.
  [
    'outcome',
    '=IF({match}="right only","",IF(ISERROR({expiry}),"bad symbol",IF(NOT({expiring}),"not expiring",IF({close}="","no price",' +
      'IF({side}="long",IF({right.instruction}="EXERCISE","exercise (instructed)",IF({right.instruction}="DO NOT EXERCISE","lapse (instructed)",' +
      'IF({moneyness_amount}>=ExerciseThreshold,"exercise","expire"))),IF({moneyness_amount}>=ExerciseThreshold,"assignment likely","expire"))))))',
  ],
  [
    'assignment_risk',
    '=IF(OR({side}<>"short",{moneyness_amount}=""),"",IF({pin_risk},"pin",IF({moneyness_amount}>=ExerciseThreshold,"high","low")))',
  ],
  // Shares received (+) or delivered (-): contracts x multiplier, a call's holder receiving and
  // a put's delivering (the writer the other way, which the quantity's sign gives).
  [
    'shares',
    '=IF(OR({outcome}="exercise",{outcome}="exercise (instructed)",{outcome}="assignment likely"),{left.quantity}*{left.multiplier}*IF({type}="C",1,-1),0)',
  ],
  ['cash', '=IF({shares}=0,0,-{shares}*{strike})'],
  [
    'Exception',
    '=IF({match}="right only","instruction without position",IF(ISERROR({expiry}),"bad OCC symbol",IF(NOT({expiring}),"",' +
      'IF({closes_found}=0,"no underlying close",IF({closes_found}>1,"duplicate underlying close",' +
      'IF(AND({right.instruction}<>"",{side}="short"),"instruction on short position",' +
      'IF(AND({right.instruction}<>"",{right.instruction}<>"EXERCISE",{right.instruction}<>"DO NOT EXERCISE"),"unknown instruction",' +
      'IF(AND({right.instruction}="DO NOT EXERCISE",{moneyness_amount}>=ExerciseThreshold),"contrary: do not exercise ITM",' +
      'IF(AND({right.instruction}="EXERCISE",{moneyness_amount}<ExerciseThreshold),"contrary: exercise OTM",' +
      'IF({pin_risk},"pin risk",""))))))))))',
  ],
];

/**
 * The order a desk reads them in, with widths: what and why first (the exception, the
 * outcome and the moneyness behind it), then the delivery, then the inputs it came from.
 */
const ORDER: [header: string, width: number][] = [
  ['account', 10],
  ['occ_symbol', 23],
  ['Exception', 28],
  ['outcome', 20],
  ['moneyness', 10],
  ['moneyness_amount', 10],
  ['close', 9],
  ['strike', 8],
  ['type', 5],
  ['underlying', 9],
  ['side', 6],
  ['left.quantity', 8],
  ['left.multiplier', 8],
  ['shares', 8],
  ['cash', 11],
  ['assignment_risk', 9],
  ['pin_risk', 8],
  ['right.instruction', 17],
  ['right.received_at', 18],
  ['expiry', 11],
  ['expiring', 8],
  ['closes_found', 8],
  ['match', 10],
  ['left.account', 10],
  ['left.occ_symbol', 23],
  ['right.account', 10],
  ['right.occ_symbol', 23],
];

const COLUMNS = ORDER.map(([header]) => {
  const found = DEFINITIONS.find(([h]) => h === header);
  if (!found) throw new Error(`expiration sheet: no definition for "${header}"`);
  return found;
});
if (COLUMNS.length !== DEFINITIONS.length) throw new Error('expiration sheet: a defined column is not placed in ORDER');

const letter = columnLetters;

/** Row 2 of Rows: each formula with its `{header}` references turned into cells. */
function ruleRow(): Cell[] {
  const at = new Map(COLUMNS.map(([header], i) => [header, `${letter(i)}2`]));
  return COLUMNS.map(([, formula]) =>
    formula === null
      ? null
      : formula.replace(/\{([^}]+)\}/g, (_, header: string) => {
          const cell = at.get(header);
          if (!cell) throw new Error(`expiration sheet: no column "${header}"`);
          return cell;
        }),
  );
}

/** The Rows column letter of a header, for Summary formulas. */
const col = (header: string) => letter(COLUMNS.findIndex(([h]) => h === header));

/** Writes expiration.xlsx into `dir`, its ExpirationDate defaulting to `expiration`. */
export function writeExpirationSheet(dir: string, expiration: string): void {
  const exceptions = `Rows!${col('Exception')}:${col('Exception')}`;
  const outcome = `Rows!${col('outcome')}:${col('outcome')}`;
  write(join(dir, 'expiration.xlsx'), {
    Settings: sheet(
      [
        ['Type', 'Reconciliation'],
        ['Left', 'option_positions'],
        ['Right', 'contrary_instructions'],
        ['Match 1', 'account = account, occ_symbol = occ_symbol'],
        ['Lookup', 'underlying_closes'],
        ['Param ExpirationDate', expiration],
        ['Param PinBand', 0.5],
        ['Param ExerciseThreshold', 0.01],
      ],
      [22, 50],
    ),
    Rows: sheet(
      [COLUMNS.map(([header]) => header), ruleRow()],
      ORDER.map(([, width]) => width),
    ),
    Summary: sheet(
      [
        [
          'Positions expiring',
          `=COUNTIFS(Rows!${col('expiring')}:${col('expiring')},TRUE,Rows!${col('match')}:${col('match')},"<>right only")`,
        ],
        ['Exercised', `=COUNTIF(${outcome},"exercise")+COUNTIF(${outcome},"exercise (instructed)")`],
        ['Assignments likely', `=COUNTIF(${outcome},"assignment likely")`],
        ['Expiring worthless', `=COUNTIF(${outcome},"expire")+COUNTIF(${outcome},"lapse (instructed)")`],
        ['Net cash at the strikes', `=SUM(Rows!${col('cash')}:${col('cash')})`],
        ['Pin risk', `=COUNTIF(${exceptions},"pin risk")`],
        ['Contrary instructions against moneyness', `=COUNTIF(${exceptions},"contrary*")`],
        ['No underlying close', `=COUNTIF(${exceptions},"no underlying close")`],
        ['Instructions without a position', `=COUNTIF(${exceptions},"instruction without position")`],
      ],
      [40, 14],
    ),
    underlying_closes: sheet([['symbol', 'date', 'close']], [10, 11, 10]),
  });
}
