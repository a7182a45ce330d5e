import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the browser tests never download one. */
export const chromiumPath = process.env['HEITU_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. In CI a missing browser is a failure, not a skip. */
export function browserMissing(): string | null {
  if (existsSync(chromiumPath)) return null;
  const why = `${chromiumPath} not found (apt-get install chromium fonts-wqy-microhei)`;
  if (process.env['CI'] === 'true') throw new Error(`browser tests need Chromium in CI: ${why}`);
  return why;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
