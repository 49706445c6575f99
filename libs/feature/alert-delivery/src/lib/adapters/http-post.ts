import { hasPrivateHost, parseChannelUrl } from '../channels/channel-url';
import { outcomeOfStatus, permanent, retryable, SEND_TIMEOUT_MS, type SendOutcome } from '../dispatch/retry-policy';

/**
 * POSTs a JSON body and classifies the answer. Redirects are not followed (a 3xx fails the delivery:
 * a channel URL that moved is a configuration error, not a passing failure).
 */
export async function postJson(urlText: string, body: string, headers: Record<string, string>, options: { readonly blockPrivate: boolean }): Promise<SendOutcome> {
  const url = parseChannelUrl(urlText);
  if (!url) return permanent('the channel URL is not an absolute http(s) URL');
  if (options.blockPrivate && (await hasPrivateHost(url))) return permanent(`the channel host ${url.hostname} is private or loopback (ALERT_BLOCK_PRIVATE_URLS)`);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Flowlens-Alerts/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return outcomeOfStatus(response.status, response.statusText);
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return retryable(`no answer within ${SEND_TIMEOUT_MS / 1000} s`);
    return retryable(`connection failed: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
  }
}
