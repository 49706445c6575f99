import { useState } from 'react';
import { ApiErrors } from '../../components/api-errors';
import { Field } from '../../components/form-field';
import { ChannelPicker } from '../../components/channel-picker';
import type { AlertChannel } from '../../lib/alert-types';
import type { Portfolio } from '../../lib/capacity-types';
import { type DigestDraft, hourText, WEEKDAYS } from './digest-draft';

interface Props {
  readonly initial: DigestDraft;
  readonly portfolios: readonly Portfolio[];
  readonly channels: readonly AlertChannel[];
  readonly timezone: string;
  readonly editable: boolean;
  readonly saving: boolean;
  readonly error: Error | null;
  readonly onSave: (draft: DigestDraft) => void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The whole digest document: name, portfolio (or the workspace), channels, weekday and hour in local time. */
export function DigestForm({ initial, portfolios, channels, timezone, editable, saving, error, onSave }: Props) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<DigestDraft>) => setD((current) => ({ ...current, ...patch }));
  const unknownPortfolio = d.portfolioId !== '' && !portfolios.some((p) => p.id === d.portfolioId);
  return (
    <form
      aria-label="Digest"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(d);
      }}
    >
      <fieldset disabled={!editable || saving} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="filters">
          <Field label="Name">
            <input name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Weekly PMO digest" />
          </Field>
          <Field label="Portfolio">
            <select name="portfolioId" value={d.portfolioId} onChange={(e) => set({ portfolioId: e.target.value })}>
              <option value="">— the whole workspace —</option>
              {unknownPortfolio && <option value={d.portfolioId}>{d.portfolioId} (deleted)</option>}
              {portfolios.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <h3>Schedule</h3>
        <div className="filters">
          <Field label="Weekday">
            <select name="weekday" value={d.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
              {WEEKDAYS.map(([n, label]) => (
                <option key={n} value={n}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`Hour (${timezone})`}>
            <select name="hour" value={d.hour} onChange={(e) => set({ hour: Number(e.target.value) })}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hourText(h)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="muted small">Each week at this local time it sends the last complete week (Monday to Sunday) against the four weeks before.</p>
        <h3>Channels</h3>
        <ChannelPicker channels={channels} selected={d.channelIds} onChange={(channelIds) => set({ channelIds })} empty="No channel yet: add one under Alert channels (an e-mail channel sends the digest as a mail)." />
        {error && <ApiErrors error={error} />}
        {editable && (
          <p>
            <button type="submit" className="btn-primary">
              {saving ? 'Saving…' : 'Save digest'}
            </button>
          </p>
        )}
      </fieldset>
    </form>
  );
}
