import { z } from 'zod';

/** Empty strings count as unset, so `FOO=` in a .env file falls back to the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export const envPort = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(fallback));

export const envBoolean = (fallback: boolean) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

export const envInt = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));

export const envString = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().min(1).default(fallback));

export const envOptionalString = () => z.preprocess(unsetIfEmpty, z.string().min(1).optional());

export const envUrl = (protocols: readonly string[]) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      }, `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`)
      .optional(),
  );

/** Comma-separated host:port list. */
export const envHostList = (fallback: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default(fallback)
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .refine((hosts) => hosts.length > 0 && hosts.every((h) => /^[^\s:]+:\d{1,5}$/.test(h)), 'must be host:port[,host:port...]'),
  );

export const logLevelSchema = z.preprocess(
  unsetIfEmpty,
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
);
