import { createHash } from 'node:crypto';

export const SITE_URL = 'https://northwind-demo.atlassian.net';
const EMAIL_DOMAIN = 'northwind.example';

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress: string;
  readonly timeZone: string;
  readonly initials: string;
}

const CAST: ReadonlyArray<readonly [string, string]> = [
  ['Priya Raman', 'Europe/London'],
  ['Marco Bianchi', 'Europe/Rome'],
  ['Aiko Tanaka', 'Europe/Berlin'],
  ['Jonas Becker', 'Europe/Berlin'],
  ['Sofia Almeida', 'Europe/Lisbon'],
  ['Daniel Okafor', 'Europe/London'],
  ['Chloé Martin', 'Europe/Paris'],
  ['Lukas Novak', 'Europe/Prague'],
  ['Hannah Schmidt', 'Europe/Berlin'],
  ['Mateo García', 'Europe/Madrid'],
  ['Emma Lindqvist', 'Europe/Stockholm'],
  ['Ravi Patel', 'Europe/London'],
];

/** Account ids look like Atlassian's (`712020:<uuid>`) and stay the same for every seed. */
function accountIdOf(name: string): string {
  const hex = createHash('sha256').update(`flowlens-demo:${name}`).digest('hex');
  return `712020:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return `${ascii.replace(' ', '.')}@${EMAIL_DOMAIN}`;
}

export const PEOPLE: readonly Person[] = CAST.map(([displayName, timeZone]) => ({
  accountId: accountIdOf(displayName),
  displayName,
  emailAddress: emailOf(displayName),
  timeZone,
  initials: displayName
    .split(' ')
    .map((part) => part[0])
    .join(''),
}));

export function personAt(index: number): Person {
  const person = PEOPLE[index];
  if (!person) throw new RangeError(`no demo person #${index}`);
  return person;
}

/** A Jira Cloud user object as webhooks embed it (`user`, `assignee`, `reporter`, `creator`). */
export function jiraUser(index: number): Record<string, unknown> {
  const person = personAt(index);
  const avatar = `https://secure.gravatar.com/avatar/${person.accountId.slice(7).replace(/-/g, '')}?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2F${person.initials}-3.png`;
  return {
    self: `${SITE_URL}/rest/api/2/user?accountId=${encodeURIComponent(person.accountId)}`,
    accountId: person.accountId,
    emailAddress: person.emailAddress,
    avatarUrls: { '48x48': avatar, '24x24': avatar, '16x16': avatar, '32x32': avatar },
    displayName: person.displayName,
    active: true,
    timeZone: person.timeZone,
    accountType: 'atlassian',
  };
}
