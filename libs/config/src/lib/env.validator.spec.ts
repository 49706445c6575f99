import { z } from 'zod';
import { ConfigError, parseEnv } from './env.validator';
import { clickhouseEnvSchema, eventLogEnvSchema, httpEnvSchema, postgresEnvSchema } from './platform-env.schema';

const schema = httpEnvSchema.extend(eventLogEnvSchema.shape).extend(clickhouseEnvSchema.shape).extend(postgresEnvSchema.shape);

describe('parseEnv', () => {
  it('applies defaults for an empty environment', () => {
    const env = parseEnv(schema, {});
    expect(env.PORT).toBe(3000);
    expect(env.EVENT_LOG).toBe('embedded');
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(env.CLICKHOUSE_URL).toBeUndefined();
    expect(env.KAFKA_CREATE_TOPICS).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv(schema, { PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('fails with one line naming the variable and the bad value', () => {
    const attempt = () => parseEnv(schema, { PORT: 'eighty' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Invalid environment variable PORT: .* \(got "eighty"\)$/);
  });

  it.each([
    ['EVENT_LOG', 'rabbit'],
    ['KAFKA_BROKERS', 'localhost'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['CLICKHOUSE_URL', 'not a url'],
    ['HTTP_BODY_LIMIT', 'huge'],
    ['KAFKA_SSL', 'maybe'],
  ])('rejects a bad %s', (name, value) => {
    expect(() => parseEnv(schema, { [name]: value })).toThrow(new RegExp(`variable ${name}:`));
  });

  it('names a required variable that is missing', () => {
    const required = z.object({ FLOWLENS_ADMIN_TOKEN: z.string().min(16) });
    expect(() => parseEnv(required, {})).toThrow(/FLOWLENS_ADMIN_TOKEN: .*\(not set\)/);
  });

  it('parses broker lists and booleans', () => {
    const env = parseEnv(schema, { KAFKA_BROKERS: 'a:9092, b:9093', KAFKA_SSL: 'yes' });
    expect(env.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(env.KAFKA_SSL).toBe(true);
  });
});
