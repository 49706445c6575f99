import { z } from 'zod';
import { ApiError } from '@flowlens/platform';
import { describeApiError, describeInvalidOptions } from './readable-error';

describe('CLI error lines', () => {
  const schema = z.object({ connectorId: z.uuid(), baseUrl: z.url(), auth: z.object({ apiToken: z.string().min(1) }) });

  it('names the flag the user typed, or says it is missing', () => {
    const missing = { baseUrl: 'https://a.b', auth: { apiToken: 't' } };
    expect(describeInvalidOptions(schema.safeParse(missing).error as z.ZodError, missing)).toBe('--connector is required');
    const bad = { connectorId: '3dcff33b-3a1b-475f-8902-d442cde97959', baseUrl: 'nope', auth: { apiToken: 't' } };
    expect(describeInvalidOptions(schema.safeParse(bad).error as z.ZodError, bad)).toMatch(/^invalid --base-url: /);
    const token = { connectorId: '3dcff33b-3a1b-475f-8902-d442cde97959', baseUrl: 'https://a.b', auth: { apiToken: '' } };
    expect(describeInvalidOptions(schema.safeParse(token).error as z.ZodError, token)).toMatch(/^invalid --token: /);
  });

  it('turns an API error into its message and first detail, and ignores other errors', () => {
    expect(describeApiError(ApiError.notFound('no connector with id x', 'unknown_connector'))).toBe('no connector with id x');
    expect(describeApiError(ApiError.badRequest('the file is not a Trello board JSON export', [{ path: 'file.lists', message: 'expected array' }]))).toBe(
      'the file is not a Trello board JSON export (file.lists: expected array)',
    );
    expect(describeApiError(new Error('plain'))).toBeNull();
  });
});
