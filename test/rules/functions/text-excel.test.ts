import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../helpers/engine.js';

describe('CONCATENATE, SUBSTITUTE, REPLACE and VALUE as Excel has them', () => {
  it('CONCATENATE reads a range by implicit intersection', () => {
    // Formulas sit in row 21, in columns A, B, C: A1:B1 crosses column B ("b"), Z1:Z21 crosses row 21 (empty).
    // `@` asks for the intersection: without it a range spills one result per cell (Excel 365).
    expect(evaluateAll([['a', 'b']], ['=CONCATENATE("x",1.5,TRUE())', '=CONCATENATE(@A1:B1)', '=CONCATENATE("<",@Z1:Z21,">")'])).toEqual([
      'x1.5TRUE',
      'b',
      '<>',
    ]);
  });

  it('SUBSTITUTE truncates the instance and leaves text alone when replacing ""', () => {
    expect(
      evaluateAll(
        [],
        [
          '=SUBSTITUTE("teststr","t","T",1.9)',
          '=SUBSTITUTE("teststr","t","T")',
          '=SUBSTITUTE("abc","","!",1)',
          '=SUBSTITUTE("abc","b","B",0)',
        ],
      ),
    ).toEqual(['Teststr', 'TesTsTr', 'abc', '#VALUE!']);
  });

  it('REPLACE truncates start and length; VALUE reads currency and thousands', () => {
    expect(
      evaluateAll(
        [],
        ['=REPLACE("ABCDEFG",2.3,3.9,"xx")', '=VALUE("$1,000")', '=VALUE("1,234.5")', '=VALUE(Z1)', '=VALUE("12%")', '=VALUE("abc")'],
      ),
    ).toEqual(['AxxEFG', 1000, 1234.5, 0, 0.12, '#VALUE!']);
  });
});
