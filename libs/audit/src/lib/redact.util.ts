const SECRET_FIELD = /secret|token|password|passphrase|apikey|api_key|authorization|credential|privatekey/i;
export const REDACTED = '[redacted]';

/**
 * A copy of `value` safe to store in the audit log: every field whose name looks like a secret,
 * or is listed in `extra`, is replaced by a marker (its presence stays visible, its value not).
 */
export function redactSecrets(value: unknown, extra: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, extra));
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, SECRET_FIELD.test(k) || extra.includes(k) ? (v === null ? null : REDACTED) : redactSecrets(v, extra)]),
  );
}
