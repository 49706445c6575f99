import type { ProjectKey } from '../catalog/project.catalog';
import type { Rng } from '../random.util';
import { DAY, HOUR, nextWorkingMoment, startOfDay, weekdayOf } from '../time.util';

export interface VersionPlan {
  readonly id: string;
  readonly project: ProjectKey;
  readonly projectId: number;
  readonly name: string;
  readonly description: string;
  readonly createdAt: number;
  readonly startDate: number;
  readonly plannedRelease: number;
  /** A `version_updated` that slipped the planned date, when it happened. */
  readonly slip: { readonly at: number; readonly to: number } | null;
  /** Null while unreleased at `now`. */
  readonly releasedAt: number | null;
}

interface VersionSpec {
  readonly project: ProjectKey;
  readonly projectId: number;
  readonly name: string;
  readonly description: string;
  /** Fractions of the history: created, planned release, actual release. */
  readonly created: number;
  readonly planned: number;
  readonly released: number;
  readonly slips: boolean;
}

const SPECS: readonly VersionSpec[] = [
  { project: 'WEB', projectId: 10001, name: '2.3.0', description: 'Faceted catalog filters', created: 0.02, planned: 0.33, released: 0.34, slips: false },
  { project: 'PAY', projectId: 10000, name: '1.8.0', description: 'Partial refunds', created: 0.03, planned: 0.5, released: 0.55, slips: true },
  { project: 'WEB', projectId: 10001, name: '2.4.0', description: 'Guest checkout', created: 0.3, planned: 0.66, released: 0.72, slips: true },
  { project: 'PAY', projectId: 10000, name: '1.9.0', description: 'Payout schedules', created: 0.52, planned: 1.12, released: 2, slips: false },
  { project: 'WEB', projectId: 10001, name: '2.5.0', description: 'Accounts and wishlists', created: 0.7, planned: 1.08, released: 2, slips: false },
];

/** A couple of releases per product board; ops ships continuously and has none. */
export function planVersions(openAt: number, now: number, rng: Rng): VersionPlan[] {
  const span = now - openAt;
  const at = (fraction: number) => nextWorkingMoment(openAt + fraction * span + rng.between(0, 4) * HOUR, rng);
  return SPECS.map((spec, index) => {
    const createdAt = Math.max(at(spec.created), openAt + HOUR);
    const plannedRelease = weekdayOf(openAt + spec.planned * span);
    // Each event strictly after the one before, however the fractions land on a short history.
    const slipAt = Math.max(at((spec.created + spec.planned) / 2), createdAt + HOUR);
    const releasedAt = Math.max(at(spec.released), (spec.slips ? slipAt : createdAt) + HOUR);
    return {
      id: String(10100 + index),
      project: spec.project,
      projectId: spec.projectId,
      name: spec.name,
      description: spec.description,
      createdAt,
      startDate: startOfDay(createdAt),
      plannedRelease: spec.slips ? plannedRelease - 7 * DAY : plannedRelease,
      slip: spec.slips && slipAt < now ? { at: slipAt, to: plannedRelease } : null,
      releasedAt: releasedAt < now - HOUR ? releasedAt : null,
    };
  }).filter((version) => version.createdAt < now - HOUR);
}

/** The version a board's issue finished at `at` ships in: the oldest one still open then. */
export function openVersionAt(versions: readonly VersionPlan[], project: ProjectKey, at: number): VersionPlan | null {
  return versions.find((v) => v.project === project && v.createdAt < at && (v.releasedAt === null || at < v.releasedAt)) ?? null;
}
