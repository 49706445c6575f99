import { toCsv } from './csv';

describe('CSV export', () => {
  it('writes a header of every column in first-seen order and quotes what needs it', () => {
    expect(toCsv([{ a: 1, b: 'x,y' }, { a: null, c: 'say "hi"' }])).toBe('a,b,c\r\n1,"x,y",\r\n,,"say ""hi"""\r\n');
  });

  it('writes only a header line for no rows', () => {
    expect(toCsv([])).toBe('\r\n');
  });
});
