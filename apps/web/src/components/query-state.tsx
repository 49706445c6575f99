import type { ReactNode } from 'react';
import { ApiRequestError } from '../lib/api-client';

export function errorText(error: unknown): string {
  if (error instanceof ApiRequestError) return error.status === 403 ? `Not allowed: ${error.message}` : error.readable;
  return (error as Error)?.message ?? String(error);
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <div className="state state-error" role="alert">
      <strong>The API answered with an error.</strong> {errorText(error)}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
