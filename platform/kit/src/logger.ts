import pino from 'pino';

/**
 * One JSON logger per process. Level from LOG_LEVEL (default `info`; tests set
 * `silent`). Never log request bodies or variables: they carry codici fiscali.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: process.env.CASELLARIO_SERVICE ?? 'casellario' },
  redact: { paths: ['req.headers.authorization', '*.codiceFiscale', '*.authorization'], censor: '[redatto]' },
});

export type Logger = typeof logger;
