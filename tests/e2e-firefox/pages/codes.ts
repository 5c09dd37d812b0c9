import { TOTP, URI } from 'otpauth';

/** The TOTP code of `uri` at `timestamp`, computed independently of Twofold. */
export function codeAt(uri: string, timestamp: number): string {
  const totp = URI.parse(uri);
  if (!(totp instanceof TOTP)) throw new Error(`not a TOTP URI: ${uri}`);
  return totp.generate({ timestamp });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
