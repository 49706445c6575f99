import type { AlertDeliveryEnv } from '@flowlens/config';

export const ALERT_DELIVERY_OPTIONS = Symbol('ALERT_DELIVERY_OPTIONS');

export interface AlertDeliveryOptions {
  readonly smtpUrl: string | undefined;
  readonly from: string;
  readonly retryBaseMs: number;
  readonly retryMax: number;
  readonly blockPrivateUrls: boolean;
  readonly pollMs: number;
  readonly leaseMs: number;
  /** FLOWLENS_PUBLIC_URL: links in test messages and digests. */
  readonly publicUrl: string | undefined;
}

export function alertDeliveryOptionsFromEnv(env: AlertDeliveryEnv & { FLOWLENS_PUBLIC_URL?: string | undefined }): AlertDeliveryOptions {
  return {
    smtpUrl: env.SMTP_URL,
    from: env.ALERT_FROM,
    retryBaseMs: env.ALERT_RETRY_BASE_MS,
    retryMax: env.ALERT_RETRY_MAX,
    blockPrivateUrls: env.ALERT_BLOCK_PRIVATE_URLS,
    pollMs: env.ALERT_DISPATCH_POLL_MS,
    leaseMs: env.ALERT_DISPATCH_LEASE_MS,
    publicUrl: env.FLOWLENS_PUBLIC_URL,
  };
}

/** A link under the public URL, or null when none is configured. */
export function publicLink(options: Pick<AlertDeliveryOptions, 'publicUrl'>, path: string): string | null {
  return options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}${path}` : null;
}
