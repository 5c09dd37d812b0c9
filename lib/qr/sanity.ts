/**
 * Rejects decoded texts no enrolment code would carry (empty, replacement characters, control
 * characters): a last guard against a lucky Reed–Solomon pass on noise.
 */
export function isPlausibleText(text: string): boolean {
  if (text.length === 0) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text);
}
