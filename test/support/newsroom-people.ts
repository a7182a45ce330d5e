import assert from 'node:assert/strict';
import { NewsroomClient } from './newsroom-client.ts';
import { DEMO_USERS } from '../../src/services/demo-users.ts';

/** The demo password of a demo login. */
export const demoPassword = (login: string): string => DEMO_USERS.find((u) => u.login === login)!.password;

/** A newsroom client signed in as this person (a demo account unless a password is given). */
export async function signIn(siteUrl: string, login: string, pw = demoPassword(login)): Promise<NewsroomClient> {
  const c = new NewsroomClient(siteUrl);
  const r = await c.login(login, pw);
  assert.equal(r.status, 200, `${login} could not sign in: ${r.code}`);
  return c;
}

/** A short article for the demo's 四平 channel (two review levels). */
export const draftBody = (over: Record<string, unknown> = {}) => ({
  language: 'zh-Hans', headline: '四平新建社区图书馆开放', bodyHtml: '<p>第一段内容。</p><p>第二段内容。</p>',
  rightsClass: 'original', channels: ['siping'], tags: ['图书馆'], ...over,
});

/** The reporter writes and submits; the editor and the responsible editor approve both levels. */
export async function writeAndApprove(siteUrl: string, over: Record<string, unknown> = {}): Promise<{ id: number; reporter: NewsroomClient; responsible: NewsroomClient }> {
  const reporter = await signIn(siteUrl, 'reporter');
  const a = await reporter.ok<{ id: number }>('POST', '/articles', draftBody(over));
  await reporter.ok('POST', `/articles/${a.id}/submit`);
  await (await signIn(siteUrl, 'editor')).ok('POST', `/articles/${a.id}/approve`);
  const responsible = await signIn(siteUrl, 'responsible');
  await responsible.ok('POST', `/articles/${a.id}/approve`);
  return { id: a.id, reporter, responsible };
}
