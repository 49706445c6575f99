import type { ReactNode } from 'react';

/** A labelled input of an editor form (rules, digests). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field filter">
      <span>{label}</span>
      {children}
    </label>
  );
}
