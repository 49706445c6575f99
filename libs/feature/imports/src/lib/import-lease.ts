import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ImportJobEntity, ImportOrigin } from '@flowlens/persistence';

/** How long a claim holds without a heartbeat; the runner renews it every LEASE_MS / 6. */
export const LEASE_MS = 30_000;

/** `<origin>:<host>:<pid>:<nonce>` — enough to tell whether the holder still lives on this host. */
export function leaseOwner(origin: ImportOrigin): string {
  return `${origin}:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * A job may be taken over when nobody holds it, its lease ran out, or its holder was a process on
 * this host that no longer exists (a killed CLI need not wait for the lease to expire).
 */
export function canTakeOver(job: Pick<ImportJobEntity, 'leaseOwner' | 'leaseUntil'>, now = Date.now()): boolean {
  if (!job.leaseOwner || !job.leaseUntil || job.leaseUntil.getTime() < now) return true;
  const [, host, pid] = job.leaseOwner.split(':');
  return host === hostname() && Number(pid) !== process.pid && !isAlive(Number(pid));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
