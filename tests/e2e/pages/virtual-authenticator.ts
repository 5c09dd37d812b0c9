import type { CDPSession, Page } from '@playwright/test';

/** A credential as the DevTools protocol gives it (binary fields base64), private key included. */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface AuthenticatorOptions {
  transport: 'internal' | 'usb';
  hasPrf?: boolean;
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
}

/**
 * The DevTools WebAuthn virtual authenticator, attached to one tab: it answers the page's
 * ceremonies (touch, fingerprint or PIN simulated) and survives navigations within the tab.
 */
export class VirtualAuthenticators {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<VirtualAuthenticators> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    return new VirtualAuthenticators(cdp);
  }

  async add(options: AuthenticatorOptions): Promise<string> {
    const { authenticatorId } = await this.cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: options.transport,
        hasResidentKey: true,
        hasUserVerification: options.hasUserVerification ?? true,
        isUserVerified: options.isUserVerified ?? true,
        hasPrf: options.hasPrf ?? true,
        automaticPresenceSimulation: true,
      },
    });
    return authenticatorId;
  }

  async remove(authenticatorId: string): Promise<void> {
    await this.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  }

  /** The authenticator's credentials, private keys included: a test can carry them to another browser run. */
  async credentials(authenticatorId: string): Promise<VirtualCredential[]> {
    return (await this.cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  }

  /** Puts a credential read by `credentials` on this authenticator (the same security key, plugged in again). */
  async addCredential(authenticatorId: string, credential: VirtualCredential): Promise<void> {
    await this.cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
  }

  async credentialCount(authenticatorId: string): Promise<number> {
    return (await this.cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length;
  }
}
