/**
 * One place on a page where a one-time code goes: a single field, or a row of one-digit boxes.
 * `sms`: the page says the code is sent to the user (SMS, e-mail or phone call): never filled.
 */
export type OtpTarget =
  | { kind: 'single'; input: HTMLInputElement; score: number; signals: string[]; sms: boolean }
  | { kind: 'split'; inputs: HTMLInputElement[]; score: number; signals: string[]; sms: boolean };

export type DetectOptions = {
  /** Digits of the code to fill: split groups must have exactly this many boxes, and a single
   * field whose maxlength is smaller cannot hold the code. */
  digits?: number;
};

/** The inputs of a target, in fill order. */
export function targetInputs(target: OtpTarget): HTMLInputElement[] {
  return target.kind === 'single' ? [target.input] : target.inputs;
}
