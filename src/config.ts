import { z } from 'zod';
import { resolve } from 'node:path';
import { DomainError } from './domain/errors.ts';

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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'setting');
      return { code: 'CONFIG_INVALID' as const, message: `${name}=${JSON.stringify(env[name] ?? '')} ${i.message}`, property: name };
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
  };
}
