/**
 * Twofold autofill library: find where a one-time code goes and put it there. Pure and
 * DOM-injectable: every function takes the document/window/elements it works on.
 */
export type { DetectOptions, OtpTarget } from './types';
export { targetInputs } from './types';
export { findOtpTargets, scoreSingle, SINGLE_THRESHOLD, WEIGHTS } from './detect';
export { isFillable, isVisible, sightOf, type Sight } from './visibility';
export { pageMentionsSmsCode, mentionsSmsCode, mentionsSentCode } from './sms';
export {
  fillTarget,
  fillTargetWithMethod,
  userEdited,
  targetValue,
  deepActiveElement,
  holds,
  writeNow,
  type FillMethod,
  type FillOptions,
  type FillResult,
} from './fill';
export { watchForTargets, type WatchOptions } from './watch';
export { contextScope } from './text';
