import { useSession } from '../lib/session';

/** The workspace's time zone: every date on screen is shown in it. */
export function useTimeZone(): string {
  return useSession().me?.workspace.timezone ?? 'UTC';
}
