import { describe, expect, it } from 'vitest';
import { isOwnOrigin, ownOrigin } from '@/lib/content/own-origin';

describe('ownOrigin', () => {
  it.each([
    ['a web page', 'https://m2m.matooma.com', 'https://m2m.matooma.com'],
    ['a port', 'http://m2mmanager.localhost:4100', 'http://m2mmanager.localhost:4100'],
    ['a sandboxed frame or CSP-sandboxed document', 'null', undefined],
    ['an empty origin', '', undefined],
    ['a file: page', 'file://', undefined],
    ['an extension page', 'moz-extension://7f0f2a3c-1d2e-4b5a-8c6d-0123456789ab', undefined],
  ])('%s', (_name, origin, expected) => {
    expect(ownOrigin({ origin })).toBe(expected);
  });
});

describe('isOwnOrigin', () => {
  it.each([
    ['the same origin', 'https://m2m.matooma.com', 'https://m2m.matooma.com', true],
    ['another origin', 'https://m2m.matooma.com', 'https://phish.example', false],
    ['an opaque frame, whatever its URL says', 'null', 'https://m2m.matooma.com', false],
    ['no origin in the reply', 'https://m2m.matooma.com', undefined, false],
  ])('%s', (_name, own, claimed, expected) => {
    expect(isOwnOrigin({ origin: own }, claimed)).toBe(expected);
  });
});
