import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { canTakeOver, leaseOwner } from './import-lease';

const future = new Date(Date.now() + 60_000);
const past = new Date(Date.now() - 1);

describe('import job leases', () => {
  it('names the origin, host and process of the holder', () => {
    expect(leaseOwner('cli')).toMatch(new RegExp(`^cli:${hostname()}:${process.pid}:[0-9a-f]{8}$`));
    expect(leaseOwner('api')).not.toBe(leaseOwner('api'));
  });

  it('lets a job be taken when unheld, expired, or held by a process of this host that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    expect(canTakeOver({ leaseOwner: null, leaseUntil: null })).toBe(true);
    expect(canTakeOver({ leaseOwner: 'api:elsewhere:1:a', leaseUntil: past })).toBe(true);
    expect(canTakeOver({ leaseOwner: `cli:${hostname()}:${gone}:a`, leaseUntil: future })).toBe(true);
  });

  it('keeps a live lease: another host, or a process of this host that still runs', () => {
    expect(canTakeOver({ leaseOwner: 'api:elsewhere:1:a', leaseUntil: future })).toBe(false);
    expect(canTakeOver({ leaseOwner: `api:${hostname()}:${process.pid}:a`, leaseUntil: future })).toBe(false);
    expect(canTakeOver({ leaseOwner: `api:${hostname()}:${process.ppid}:a`, leaseUntil: future })).toBe(false);
  });
});
