import { HttpException } from '@nestjs/common';
import type { ZodError } from 'zod';

/** The CLI flag for each request field, so a validation error names what the user typed. */
const FLAGS: Readonly<Record<string, string>> = {
  connectorId: '--connector',
  baseUrl: '--base-url',
  jql: '--jql',
  'auth.email': '--email',
  'auth.apiToken': '--token',
  'auth.token': '--bearer',
  pageSize: '--page-size',
  site: '--site',
  boardId: '--board',
  key: '--key',
  token: '--token',
};

/** The first problem of an invalid request, as one line naming the flag. */
export function describeInvalidOptions(error: ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid options';
  const path = issue.path.map(String).join('.');
  const flag = FLAGS[path] ?? path;
  const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], input);
  return given === undefined ? `${flag} is required` : `invalid ${flag}: ${issue.message}`;
}

/** An API error thrown by the shared services, as the one line the CLI prints. */
export function describeApiError(error: unknown): string | null {
  if (!(error instanceof HttpException)) return null;
  const body = error.getResponse() as { error?: { message?: string; details?: Array<{ path?: string; message: string }> } };
  const message = body.error?.message ?? error.message;
  const detail = body.error?.details?.[0];
  return detail ? `${message} (${detail.path ? `${detail.path}: ` : ''}${detail.message})` : message;
}
