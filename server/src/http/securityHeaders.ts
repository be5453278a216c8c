import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * Browser features no page of Gommette uses: refused to every page and anything it embeds
 * (the QR code is read from the projector by the phone's own camera app, never in the page).
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'interest-cohort=()',
].join(', ');

/**
 * helmet with a strict Content-Security-Policy: scripts and styles from the same origin only, no
 * inline script, no eval, no plugin, no framing; images may be data: URLs (the board's PNG export,
 * QR codes). `style-src-attr 'unsafe-inline'` stays: see README "Security" for why.
 * Links carry their secret after `#` (never sent), and Referrer-Policy: no-referrer keeps even
 * the path of a page out of other sites' logs.
 */
export function securityHeaders(config: Config): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          styleSrcAttr: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          mediaSrc: ["'none'"],
          objectSrc: ["'none'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Workshops often run over plain http on the venue's Wi-Fi: never force https.
        },
      },
      strictTransportSecurity: config.publicUrl?.startsWith('https:') ?? false,
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}
