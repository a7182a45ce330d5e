import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { createRightsService } from '../src/services/rights-service.ts';

test('a licensee added without a start date and without the archive use receives nothing from before its agreement', async () => {
  const site = await startTestSite();
  try {
    const rights = createRightsService(site.store);
    const actor = { actorId: null, actorLogin: 'test' };
    const scope = { channels: [], rights: ['original', 'exclusive', 'reprint'], uses: ['reprint'], attribution: '來源:黑土網' };
    const fresh = await rights.addLicensee({ name: '新授权机构', scope }, actor);
    const archive = await rights.addLicensee({ name: '资料库机构', scope: { ...scope, uses: ['reprint', 'archive'] } }, actor);
    const items = async (key: string) => {
      const res = await fetch(`${site.url}/api/content/v1/items?since=2000-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(res.status, 200);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };
    assert.equal(await items(fresh.apiKey), 0, 'the demo articles were all published before the agreement');
    assert.ok((await items(archive.apiKey)) > 0, 'with the archive use, the archive');
  } finally {
    await site.stop();
  }
});
