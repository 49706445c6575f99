import { ConnectorCache } from './connector-cache';
import type { ConnectorRecord } from './connector.repository';

const record = (secret: string): ConnectorRecord => ({ id: 'c1', workspaceId: 'w', type: 'jira', name: 'Jira', secret, tokenHash: 'h', callbackUrl: null, settings: {}, createdAt: new Date(0) });

describe('ConnectorCache', () => {
  it('loads once for concurrent and later lookups, and again after invalidate', async () => {
    const cache = new ConnectorCache();
    let loads = 0;
    const load = async () => record(`s${++loads}`);
    const [a, b] = await Promise.all([cache.get('c1', load), cache.get('c1', load)]);
    expect((await cache.get('c1', load))?.secret).toBe('s1');
    expect([a?.secret, b?.secret, loads]).toEqual(['s1', 's1', 1]);
    cache.invalidate('c1');
    expect((await cache.get('c1', load))?.secret).toBe('s2');
  });

  it('caches neither an unknown id nor a failed lookup', async () => {
    const cache = new ConnectorCache();
    expect(await cache.get('c1', async () => null)).toBeNull();
    await expect(cache.get('c1', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await cache.get('c1', async () => record('s')))?.secret).toBe('s');
  });
});
