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
  /** Told about a field that would be a target but whose surrounding text asks for a recovery or
   * backup code: the same input may ask for the authenticator's code once that text changes. */
  onHeld?: (input: HTMLInputElement) => void;
};

/** The inputs of a target, in fill order. */
export function targetInputs(target: OtpTarget): HTMLInputElement[] {
  return target.kind === 'single' ? [target.input] : target.inputs;
}
