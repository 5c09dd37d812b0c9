import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_GATES, CHANNELS, channelPatterns, namesChannel } from '../../../lib/autofill/channels';
import { normalize } from '../../../lib/autofill/text';

describe('channel gates', () => {
  // A gate that missed a word its patterns need would let an out-of-band field be filled.
  // Texts drawn from each pattern itself (fast-check has no \b and no lookaround: dropping them only
  // widens the language, and keeps every literal word the gate looks for).
  it.each(CHANNELS.flatMap((c) => channelPatterns(c).map((p) => [c, p] as const)))(
    '%s: every text the pattern matches passes the gate (%s)',
    (channel, pattern) => {
      const loose = new RegExp(pattern.source.replace(/\\b/g, '').replace(/\(\?<?[!=][^()]*\)/g, ''));
      fc.assert(
        fc.property(fc.stringMatching(loose), (text) => CHANNEL_GATES[channel].some((w) => text.includes(w))),
        { numRuns: 300, seed: 28 },
      );
    },
  );

  it.each([
    ['Enter the 6-digit code from your authenticator app', null],
    ['We sent a code to your WhatsApp', 'messaging'],
    ['Code envoyé par SMS', 'sms'],
  ])('namesChannel agrees with the gated table: %s', (text, channel) => {
    const normal = normalize(text);
    for (const c of CHANNELS) expect(namesChannel(c, normal)).toBe(c === channel);
  });
});
