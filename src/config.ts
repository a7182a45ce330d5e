import { z } from 'zod';
import { resolve } from 'node:path';
import { DomainError } from './domain/errors.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { parseTrustedProxies } from './http/client-address.ts';

const MB = 1024 * 1024;

/** A size in bytes, written as bytes or with KB or MB (powers of 1024): 1048576, 1024KB, 1MB. */
function byteSize(min: number, max: number) {
  const range = `must be from ${min / 1024}KB to ${max / MB}MB`;
  return z
    .string()
    .trim()
    .regex(/^\d+\s*(KB|MB)?$/i, 'must be a size such as 1MB, 512KB or 1048576 (bytes)')
    .transform((v) => {
      const [, n, unit] = /^(\d+)\s*(KB|MB)?$/i.exec(v)!;
      return Number(n) * (unit?.toUpperCase() === 'MB' ? MB : unit ? 1024 : 1);
    })
    .pipe(z.number().min(min, range).max(max, range));
}

/**
 * Every setting Heitu reads, validated once at start. A bad value stops the start with a
 * message naming the setting, rather than failing later in some request.
 */
const envSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0–65535 (0 picks a free port)').max(65535, 'must be 0–65535 (0 picks a free port)').default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  HEITU_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^(postgres(ql)?:\/\/.+|sqlite:.+)$/.test(v), 'must be a postgres:// URL or sqlite:FILE')
    .optional(),
  HEITU_PUBLIC_URL: z.string().trim().url('must be an absolute URL such as https://news.example.org').optional(),
  HEITU_DEMO: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('1'),
  HEITU_MAX_BODY: byteSize(1024, 64 * MB).default(1 * MB),
  HEITU_MAX_UPLOAD: byteSize(1024, 100 * MB).default(10 * MB),
  HEITU_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  HEITU_METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  HEITU_CONTENT_LISTEN: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('1'),
  HEITU_CONTENT_POLL_MS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(100, 'must be 100–600000 (milliseconds)').max(600_000, 'must be 100–600000 (milliseconds)').optional(),
  HEITU_PURGE_URL: z.string().trim().url('must be an absolute http(s) URL').refine((v) => /^https?:\/\//.test(v), 'must be an absolute http(s) URL').optional(),
  HEITU_PURGE_MODE: z.enum(['keys', 'urls'], { message: 'must be keys or urls' }).default('keys'),
  HEITU_PURGE_TOKEN: z.string().trim().min(1).optional(),
  HEITU_SHUTDOWN_SECONDS: z.coerce.number({ message: 'must be a number' }).min(0, 'must be 0–600 (seconds)').max(600, 'must be 0–600 (seconds)').default(10),
  HEITU_VIEW_FLUSH_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–60 (seconds)').max(60, 'must be 1–60 (seconds)').default(15),
  HEITU_RANK_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be 1–3600 (seconds)').max(3600, 'must be 1–3600 (seconds)').default(60),
  HEITU_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message.replace(/^HEITU_TRUSTED_PROXIES: /, '') : String(e) });
      }
    }),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where readers reach the site; absolute URLs in exports and feeds start with it. */
  publicUrl: string;
  /** Fill an empty database with the demo site. */
  demo: boolean;
  /** Request bodies: every body at most `bodyBytes`, except forms with files, `uploadFileBytes` a file. */
  limits: { bodyBytes: number; uploadFileBytes: number };
  /** When set, the level of the JSON log; unset, the level the process started with (info). */
  logLevel: LogLevel | undefined;
  /** When set, /metrics wants it as a bearer token; unset, it answers only loopback and private addresses. */
  metricsToken: string | undefined;
  /**
   * How cached pages follow changes made elsewhere: on PostgreSQL a notification (unless `listen`
   * is off, e.g. behind a pooler that cannot LISTEN) and a poll every `pollMs` as a safety net;
   * on SQLite the poll alone. Unset, the poll is 1 s, or 5 s with notifications.
   */
  contentWatch: { listen: boolean; pollMs: number | undefined };
  /** Where to tell a CDN what to drop when content changes, if anywhere. */
  purge: { url: string; mode: 'keys' | 'urls'; token: string | undefined } | null;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownMs: number;
  /** Peers whose X-Forwarded-For names the reader (the site's own nginx or load balancer); none by default. */
  trustedProxies: string | undefined;
  /**
   * 點擊排行: article views are written every `flushMs` (at most a minute, so a crash loses at most
   * that much), and the rankings read again every `rankMs`.
   */
  views: { flushMs: number; rankMs: number };
}

/** A setting as an error message may repeat it: tokens not at all, passwords in URLs masked (messages reach logs). */
function shown(name: string, value: string): string {
  if (/TOKEN|SECRET|PASSWORD/.test(name)) return '(hidden)';
  return value.replace(/(\/\/[^/:@\s]*:)[^@/\s]*@/, '$1***@');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'setting');
      return { code: 'CONFIG_INVALID' as const, message: `${name}=${JSON.stringify(shown(name, env[name] ?? ''))} ${i.message}`, property: name };
    });
    throw new DomainError('CONFIG_INVALID', `bad setting: ${details.map((d) => d.message).join('; ')}`, details[0]?.property, details);
  }
  const e = parsed.data;
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.HEITU_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    publicUrl: (e.HEITU_PUBLIC_URL ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${e.PORT}`).replace(/\/$/, ''),
    demo: e.HEITU_DEMO === '1',
    limits: { bodyBytes: e.HEITU_MAX_BODY, uploadFileBytes: e.HEITU_MAX_UPLOAD },
    logLevel: e.HEITU_LOG_LEVEL,
    metricsToken: e.HEITU_METRICS_TOKEN,
    contentWatch: { listen: e.HEITU_CONTENT_LISTEN === '1', pollMs: e.HEITU_CONTENT_POLL_MS },
    purge: e.HEITU_PURGE_URL ? { url: e.HEITU_PURGE_URL, mode: e.HEITU_PURGE_MODE, token: e.HEITU_PURGE_TOKEN } : null,
    shutdownMs: e.HEITU_SHUTDOWN_SECONDS * 1000,
    trustedProxies: e.HEITU_TRUSTED_PROXIES,
    views: { flushMs: e.HEITU_VIEW_FLUSH_SECONDS * 1000, rankMs: e.HEITU_RANK_SECONDS * 1000 },
  };
}
