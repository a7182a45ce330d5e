import assert from 'node:assert/strict';

/** Polls until `check` holds: cached pages follow a write within the content watch's interval. */
export async function waitFor(check: () => Promise<boolean>, ms = 4000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('condition not met in time');
}
