import { PublicUrls, type RequestLike, webhookPathOf } from './public-url';

const request = (headers: Record<string, string>, originalUrl = '/webhooks/trello/c1?x=1'): RequestLike => ({ protocol: 'http', originalUrl, headers: { host: '10.0.0.5:3000', ...headers } });
const forwarded = { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'flow.example.org, inner' };

describe('PublicUrls', () => {
  it('prefers the configured public URL (trailing slashes dropped) for a path', () => {
    const urls = new PublicUrls({ publicUrl: 'https://flowlens.example.com/base/', trustProxy: true });
    expect(urls.configured(webhookPathOf({ type: 'trello', id: 'c1' }))).toBe('https://flowlens.example.com/base/webhooks/trello/c1');
    expect(urls.urlFor('/webhooks/jira/c2', request(forwarded))).toBe('https://flowlens.example.com/base/webhooks/jira/c2');
  });

  it('reads the request as it arrived, ignoring forwarded headers unless the proxy is trusted', () => {
    expect(new PublicUrls().requestUrl(request(forwarded))).toBe('http://10.0.0.5:3000/webhooks/trello/c1?x=1');
    expect(new PublicUrls({ trustProxy: true }).requestUrl(request(forwarded))).toBe('https://flow.example.org/webhooks/trello/c1?x=1');
    expect(new PublicUrls({ trustProxy: true }).requestUrl(request({}))).toBe('http://10.0.0.5:3000/webhooks/trello/c1?x=1');
    expect(new PublicUrls().configured('/x')).toBeNull();
  });

  it('knows no URL for a request without a host', () => {
    expect(new PublicUrls().urlFor('/x', { protocol: 'http', originalUrl: '/x', headers: {} })).toBeNull();
  });
});
