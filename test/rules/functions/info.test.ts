import { describe, expect, it } from 'vitest';
import { encodeUrl } from '../../../rules/functions/info/encode-url.js';
import { evaluateAll, evaluateArray } from '../../helpers/engine.js';

describe('TYPE', () => {
  it('gives 1 number or empty, 2 text, 4 logical, 16 error (not passed on), 64 array or several cells', () => {
    const grid = [[null, true, '#N/A', 'x']];
    expect(
      evaluateAll(grid, [
        '=TYPE(A1)',
        '=TYPE(B1)',
        '=TYPE(C1)',
        '=TYPE(D1)',
        '=TYPE("")',
        '=TYPE(1/0)',
        '=TYPE(NA())',
        '=TYPE(A1:B1)',
        '=TYPE({1})',
        '=TYPE(D1:D1)',
      ]),
    ).toEqual([1, 4, 16, 2, 2, 16, 16, 64, 1, 2]);
  });
});

describe('INFO', () => {
  it('answers what a rules engine can say, in any case, and refuses the desktop-only and unknown types', () => {
    expect(
      evaluateAll(
        [],
        [
          '=INFO("RECALC")',
          '=INFO("system")',
          '=INFO("release")',
          '=INFO("origin")',
          '=INFO("numfile")',
          '=INFO("directory")',
          '=INFO("osversion")',
          '=INFO("bogus")',
          '=INFO(1/0)',
        ],
      ),
    ).toEqual(['Automatic', 'pcdos', '16.0', '$A:$A$1', 1, '#N/A', '#N/A', '#VALUE!', '#DIV/0!']);
  });
});

describe('ENCODEURL', () => {
  it("percent-encodes UTF-8 bytes of everything but A-Z a-z 0-9 - _ . ~ (also ! ' ( ) *)", () => {
    expect(
      evaluateAll(
        [],
        [
          '=ENCODEURL("a b&c=d")',
          '=ENCODEURL("it\'s (ok)*!")',
          '=ENCODEURL("é€")',
          '=ENCODEURL("A-Z_a.z~0")',
          '=ENCODEURL(12.5)',
          '=ENCODEURL(NA())',
        ],
      ),
    ).toEqual(['a%20b%26c%3Dd', 'it%27s%20%28ok%29%2A%21', '%C3%A9%E2%82%AC', 'A-Z_a.z~0', '12.5', '#N/A']);
    expect(encodeUrl('/?#[]@')).toBe('%2F%3F%23%5B%5D%40');
  });
});

describe('FILTERXML', () => {
  it('gives the selected text, numbers as numbers, and XPath values', () => {
    expect(
      evaluateAll(
        [['<a><b>42</b><c k="v">x</c></a>']],
        ['=FILTERXML(A1,"//c")', '=FILTERXML(A1,"//b")', '=FILTERXML(A1,"//c/@k")', '=FILTERXML(A1,"count(//*)")'],
      ),
    ).toEqual(['x', 42, 'v', 3]);
  });

  it('is #VALUE! for XML that does not parse, an XPath that does not compile, and an empty selection', () => {
    expect(
      evaluateAll(
        [['<a><b></a>', '<a/>']],
        ['=FILTERXML(A1,"//b")', '=FILTERXML(B1,"//[")', '=FILTERXML(B1,"//z")', '=FILTERXML(NA(),"//a")'],
      ),
    ).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#N/A']);
  });

  it('fills one row per selected value in an array formula, and is #VALUE! there when the XML is not known in advance', () => {
    expect(evaluateArray([], '=ARRAYFORMULA(FILTERXML("<a><b>1</b><b>two</b></a>","//b"))', 3, 1)).toEqual([[1], ['two'], [null]]);
    expect(evaluateArray([['<a><b>1</b><b>2</b></a>']], '=ARRAYFORMULA(FILTERXML(A1&"","//b"))', 1, 1)).toEqual([['#VALUE!']]);
  });
});
