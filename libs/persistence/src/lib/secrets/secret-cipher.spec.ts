import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  it('round-trips with a key and never stores the secret in clear', () => {
    const cipher = new SecretCipher('k'.repeat(32));
    const sealed = cipher.seal('s3cr3t-ü');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(cipher.open(sealed)).toBe('s3cr3t-ü');
    expect(cipher.seal('x')).not.toBe(cipher.seal('x'));
  });

  it('rejects a tampered value and a wrong key', () => {
    const sealed = new SecretCipher('right').seal('value');
    const parts = sealed.split(':');
    const tampered = [parts[0], parts[1], parts[2], Buffer.from('other').toString('base64')].join(':');
    expect(() => new SecretCipher('right').open(tampered)).toThrow();
    expect(() => new SecretCipher('wrong').open(sealed)).toThrow();
    expect(() => new SecretCipher(undefined).open(sealed)).toThrow(/FLOWLENS_SECRET_KEY/);
  });

  it('reads plain-marked values with or without a key', () => {
    const plain = new SecretCipher(undefined).seal('abc');
    expect(new SecretCipher(undefined).open(plain)).toBe('abc');
    expect(new SecretCipher('any').open(plain)).toBe('abc');
  });
});
