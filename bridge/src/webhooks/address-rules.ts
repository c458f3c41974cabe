/**
 * TikTok's rules for a webhook address (TikTok's webhooks overview, partner.tiktokshop.com/docv2/page/tts-webhooks-overview, TikTok's Event API): `https://`, a domain name (not an IP
 * address), no port, at most 255 characters. The bridge subscribes `${BRIDGE_PUBLIC_URL}/webhooks/tiktok`
 * for every shop, so a public URL that breaks a rule makes every subscription fail at connect; the
 * live configuration checks it at start-up instead (config.ts). Pure: no I/O.
 */
import { isIP } from 'node:net';
import { WEBHOOK_PATH } from './route';

export const MAX_WEBHOOK_ADDRESS_LENGTH = 255;

/** The authority as written (`host`, `host:port`, `[v6]:port`), before URL parsing drops a default port. */
function writtenAuthority(url: string): { host: string; port: string | undefined } | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?(?:[/?#]|$)/i.exec(url);
  if (!match) return undefined;
  return { host: match[1] ?? '', port: match[2] };
}

/** True for a host on this machine (a local stand-in of TikTok, never TikTok itself). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * What is wrong with `publicUrl` as the base of TikTok's webhook address, each problem a sentence;
 * empty when TikTok accepts `${publicUrl}/webhooks/tiktok`.
 */
export function webhookAddressProblems(publicUrl: string): string[] {
  const problems: string[] = [];
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return ['is not an absolute URL'];
  }
  if (url.protocol !== 'https:') {
    problems.push(
      `uses ${url.protocol.replace(/:$/, '')}://, and TikTok delivers webhooks only to https:// addresses`,
    );
  }
  const authority = writtenAuthority(publicUrl);
  const host = (authority?.host ?? url.hostname).replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    problems.push(`has the IP address ${host} as its host, and TikTok needs a domain name`);
  } else if (!host.includes('.') || isLoopbackHost(host)) {
    problems.push(`has the host ${host}, which is not a public domain name TikTok can reach`);
  }
  if (authority?.port !== undefined) {
    problems.push(
      `names the port ${authority.port || '(empty)'}, and TikTok takes no port in a webhook address`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push('has a ?query or #fragment, and the bridge appends its own paths to it');
  }
  const address = `${publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`;
  if (address.length > MAX_WEBHOOK_ADDRESS_LENGTH) {
    problems.push(
      `makes the webhook address ${address.length} characters long, over TikTok's ${MAX_WEBHOOK_ADDRESS_LENGTH}`,
    );
  }
  return problems;
}
