import { describe, expect, it } from 'vitest';
import { isTwofoldError } from '@/lib/errors';
import { websiteOrigin } from '@/lib/website/website';

describe('websiteOrigin', () => {
  it.each([
    ['a bare host', 'example.com', 'https://example.com'],
    ['a login URL', 'https://login.example.com/signin?next=/', 'https://login.example.com'],
    ['http with a port', 'http://intranet.example:8080/otp', 'http://intranet.example:8080'],
    ['spaces around', '  shop.example  ', 'https://shop.example'],
    ['a host without a dot, with a port', 'http://nas:5000', 'http://nas:5000'],
    ['this computer', 'localhost', 'https://localhost'],
    ['empty: unbound', '', undefined],
    ['blank: unbound', '   ', undefined],
  ])('%s', (_name, input, origin) => {
    expect(websiteOrigin(input)).toBe(origin);
  });

  it.each([
    ['words', 'not a website', 'not a website'],
    ['another scheme', 'ftp://files.example.com', 'ftp://files.example.com'],
    ['a long text, shortened', 'x'.repeat(100), `${'x'.repeat(57)}…`],
  ])('refuses %s with a coded error naming the text', (_name, input, shown) => {
    let caught: unknown;
    try {
      websiteOrigin(input);
    } catch (error) {
      caught = error;
    }
    expect(isTwofoldError(caught, 'WEBSITE_INVALID')).toBe(true);
    expect((caught as Error).message).toContain(`"${shown}"`);
  });
});
