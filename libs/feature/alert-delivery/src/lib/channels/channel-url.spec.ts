import { hasPrivateHost, isPrivateAddress, maskUrl, parseChannelUrl } from './channel-url';

describe('channel URLs', () => {
  it('accepts absolute http(s) only', () => {
    expect(parseChannelUrl('https://hooks.slack.com/services/T0/B0/xyz')?.host).toBe('hooks.slack.com');
    expect(parseChannelUrl('http://10.0.0.5:8080/hook')?.port).toBe('8080');
    for (const bad of ['ftp://example.com/x', '/relative/path', 'example.com/hook', 'javascript:alert(1)', 'file:///etc/passwd', '']) expect(parseChannelUrl(bad)).toBeNull();
  });

  it('masks everything after the host', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/secret?x=1')).toBe('https://hooks.slack.com/****');
    expect(maskUrl('http://user:pw@127.0.0.1:9000/a')).toBe('http://127.0.0.1:9000/****');
  });

  it('knows loopback, private and link-local addresses in both families', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2001:4860:4860::8888', 'not-an-ip']) expect(isPrivateAddress(ip)).toBe(false);
  });

  it('treats localhost names and literal private hosts as private without asking DNS', async () => {
    expect(await hasPrivateHost(new URL('http://localhost:3000/x'))).toBe(true);
    expect(await hasPrivateHost(new URL('http://api.localhost/x'))).toBe(true);
    expect(await hasPrivateHost(new URL('http://[::1]:8080/x'))).toBe(true);
    expect(await hasPrivateHost(new URL('https://93.184.215.14/x'))).toBe(false);
  });
});
