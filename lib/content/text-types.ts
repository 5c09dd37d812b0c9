/**
 * The `<input>` types that never take typed text. Autofill skips them, and the loader does not
 * bring the features in for them; one list, so the two agree on what a field is.
 */
export const NOT_TEXT_TYPES = [
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'image',
  'range',
  'color',
  'hidden',
] as const;
