import { ApiError } from '../errors/api-error';
import { InputBoundsPipe, MAX_BODY_DEPTH } from './input-bounds.pipe';
import { jsonDepth, pathOfNul } from './json-shape.util';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('jsonDepth and pathOfNul', () => {
  it('measure nesting without recursing, however deep', () => {
    expect([jsonDepth(3), jsonDepth({}), jsonDepth([[1], { a: [] }]), jsonDepth(nested(100_000))]).toEqual([0, 1, 3, 100_000]);
  });

  it('name the first string or key holding a NUL', () => {
    expect(pathOfNul({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(pathOfNul({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(pathOfNul({ a: 'fine', n: 3 })).toBeNull();
  });
});

describe('InputBoundsPipe', () => {
  const pipe = new InputBoundsPipe();
  const code = (run: () => unknown) => {
    try {
      run();
      return null;
    } catch (error) {
      return ((error as ApiError).getResponse() as { error: { code: string; message: string } }).error;
    }
  };

  it('refuses path parameters with control characters or over 200 characters', () => {
    expect(code(() => pipe.transform('a\u0000b', { type: 'param', data: 'deliveryId' }))).toMatchObject({ code: 'invalid_path', message: 'the path parameter deliveryId may not contain control characters' });
    expect(code(() => pipe.transform('x'.repeat(201), { type: 'param', data: 'boardId' }))?.message).toBe('the path parameter boardId may be at most 200 characters');
    expect(pipe.transform('x'.repeat(200), { type: 'param', data: 'boardId' })).toBe('x'.repeat(200));
  });

  it('refuses NUL anywhere in a query or body, and bodies nested too deep', () => {
    expect(code(() => pipe.transform({ by: ['2027-01-01\u0000'] }, { type: 'query' }))?.code).toBe('invalid_query');
    expect(code(() => pipe.transform({ name: '\u0000' }, { type: 'body' }))?.code).toBe('validation_failed');
    expect(code(() => pipe.transform(nested(MAX_BODY_DEPTH + 1), { type: 'body' }))?.code).toBe('body_too_deep');
    expect(pipe.transform(nested(MAX_BODY_DEPTH), { type: 'body' })).toEqual(nested(MAX_BODY_DEPTH));
    expect(pipe.transform('anything', { type: 'custom' })).toBe('anything');
  });
});
