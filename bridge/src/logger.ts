/**
 * pino logger with every field that can carry a secret redacted: tokens, secrets, signatures,
 * Authorization and cookie headers. Code never logs request URLs of token calls or raw HTTP
 * client errors (they can hold the app secret); this list is the second line of defence.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';
import { redactSecretsInText } from './core/redact';

const SECRET_KEYS = [
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'appSecret',
  'app_secret',
  'consumerSecret',
  'tokenSecret',
  'adminToken',
  'encryptionKey',
  'secret',
  'token',
  'sign',
  'signature',
  'authorization',
  'Authorization',
  'cookie',
];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  '["x-tts-access-token"]',
  '*["x-tts-access-token"]',
  '*.*["x-tts-access-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Secrets inside strings are censored in the final log line, whatever field holds them. */
export { redactSecretsInText };

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'tts-bridge' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: redactSecretsInText },
  };
  return destination ? pino(options, destination) : pino(options);
}
