import { splitStatements } from './clickhouse.migrator';

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comment lines', () => {
    const sql = `-- header\nCREATE TABLE a (x Int8) ENGINE = Memory;\n\n-- two\nCREATE TABLE b (\n  y String\n) ENGINE = Memory;\n`;
    expect(splitStatements(sql)).toEqual(['CREATE TABLE a (x Int8) ENGINE = Memory', 'CREATE TABLE b (\n  y String\n) ENGINE = Memory']);
  });

  it('keeps a final statement without a semicolon', () => {
    expect(splitStatements('SELECT 1')).toEqual(['SELECT 1']);
  });
});
