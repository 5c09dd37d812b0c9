/** "123456" -> "123 456", "12345678" -> "1234 5678": easier to read and to type. */
export function groupDigits(code: string): string {
  if (code.length < 6) return code;
  const half = code.length === 7 ? 3 : Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}
