import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../rules/csv-text.js';

/** The contract, stated on its own: neutralise a formula start (OWASP), then RFC 4180 quoting. */
function expectedField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

describe('csvField', () => {
  it('writes text as RFC 4180 and export-safety say (worked by hand)', () => {
    expect(csvField('AAPL')).toBe('AAPL');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('trail ')).toBe('"trail "');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-1 day')).toBe("'-1 day");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('+a,b')).toBe(`"'+a,b"`);
    expect(csvField('\u00a0nbsp')).toBe('"\u00a0nbsp"'); // a no-break space is white space at the edge
    expect(csvField('café')).toBe('café');
    expect(csvField('x\u2028')).toBe('"x\u2028"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(true)).toBe('TRUE');
    expect(csvField(null)).toBe('');
    expect(csvField({ error: '#N/A' } as never)).toBe('#N/A');
  });

  it('agrees with the rule on 200,000 random texts of quotes, commas, spaces, formula starts and non-ASCII', () => {
    const alphabet = [
      'a',
      'Z',
      '0',
      '9',
      ' ',
      '"',
      ',',
      '\n',
      '\r',
      '\t',
      '=',
      '+',
      '-',
      '@',
      "'",
      '\u00a0',
      '\u2028',
      '\ufeff',
      'é',
      '€',
      '~',
      '\u007f',
      '\u0001',
    ];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 200_000; i++) {
      const length = Math.floor(random() * 6);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const got = csvField(text);
      if (got !== expectedField(text)) expect({ text, got }).toEqual({ text, got: expectedField(text) });
    }
  });

  it('joins a line with commas and a newline', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\n');
  });
});
