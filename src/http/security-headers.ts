import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';

/** 180 days, subdomains included (Hono's default). */
export const hsts = 'max-age=15552000; includeSubDomains';

/**
 * Whether a request arrived over HTTPS, from its own protocol and the proxy's X-Forwarded-Proto
 * (trusted only with TRUST_PROXY), or the site's public address is HTTPS anyway.
 */
export function arrivedOverHttps(config: Pick<Config, 'publicUrl' | 'TRUST_PROXY'>, protocol: string, forwardedProto: string | undefined): boolean {
  return (
    config.publicUrl.startsWith('https:') || protocol === 'https:' || (config.TRUST_PROXY && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https')
  );
}

/**
 * Whether the visitor reached the site over HTTPS: the site's public address is HTTPS, or the
 * request itself is, or a trusted proxy in front (TRUST_PROXY) says it terminated TLS.
 */
export function reachedOverHttps(c: Context, config: Pick<Config, 'publicUrl' | 'TRUST_PROXY'>): boolean {
  return arrivedOverHttps(config, new URL(c.req.url).protocol, c.req.header('x-forwarded-proto'));
}

/**
 * The security headers of every answer: a strict Content-Security-Policy (no inline script or
 * style), no framing at all (CSP `frame-ancestors 'none'`, and `X-Frame-Options: DENY` for
 * browsers that predate it, saying the same), and Strict-Transport-Security only over HTTPS —
 * sent over plain HTTP it means nothing to a browser and tells an operator the setup is wrong.
 * Downloads (`content-disposition: attachment`) also get CSP `sandbox`.
 * @example app.use(securityHeaders(config));
 */
export function securityHeaders(config: Pick<Config, 'publicUrl' | 'TRUST_PROXY'>): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  return async (c, next) => {
    await headers(c, next);
    // A download (an applicant's PDF, an export) is never rendered as a page of the site, even by a browser that tries.
    if (c.res.headers.get('content-disposition')?.startsWith('attachment')) {
      c.res.headers.set('content-security-policy', `${c.res.headers.get('content-security-policy') ?? ''}; sandbox`.replace(/^; /, ''));
    }
    if (reachedOverHttps(c, config)) c.header('strict-transport-security', hsts);
  };
}
