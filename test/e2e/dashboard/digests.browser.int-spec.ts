// The digests page in a real browser on the seeded demo, the process sending e-mail to a real SMTP
// server on loopback: the demo's digest listed at first start; a digest refused without a channel
// (the API's reason next to the form), then made through the form and listed; its preview (subject,
// HTML body in a sandboxed frame, text body) as the API renders it; "Send now" followed to "sent"
// and the mail received; edit and delete; a viewer sees the digests without the controls.
import { eventually } from '@flowlens/testing';
import type { DashboardTab } from '@flowlens/testing/browser';
import { SmtpReceiver } from '../../support/alerting/alert-receivers';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

interface Digest { id: string; name: string; portfolioId: string | null; channelIds: string[]; weekday: number; hour: number; lastSentFor: string | null }
interface Preview { subject: string; html: string; text: string; week: { from: string; to: string } }

const DIGEST = 'Browser: Friday PMO digest';
const TO = 'pmo@example.com';

describe('dashboard: digests page (browser)', () => {
  const smtp = new SmtpReceiver();
  let demo: DashboardDemo;
  let viewerKey: string;
  let tab: DashboardTab;
  let mailChannel: string;
  let portfolio: { id: string; name: string };
  let digest: Digest;
  let preview: Preview;

  beforeAll(async () => {
    await smtp.start();
    demo = await startDashboardDemo({ SMTP_URL: smtp.url, ALERT_FROM: 'Flowlens <alerts@flowlens.test>', ALERT_DISPATCH_POLL_MS: '50' });
    viewerKey = (await demo.api.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'digest viewer', role: 'viewer' })).body.apiKey;
    mailChannel = (await demo.api.post<{ id: string }>('/api/v1/alert-channels', { type: 'email', name: 'PMO mail', to: [TO] })).body.id;
    portfolio = (await demo.api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/portfolios')).body.items[0] as { id: string; name: string };
  }, 240_000);
  afterAll(async () => {
    await tab?.close();
    await demo?.stop();
    await smtp.stop();
  });

  it('lists the demo digest at first start: portfolio, channel, weekday and hour in local time', async () => {
    tab = await demo.open('/digests');
    expect(await tab.page.$$eval('nav a', (links) => links.map((a) => (a.textContent ?? '').trim()))).toEqual(expect.arrayContaining(['Alerts', 'Alert rules', 'Alert channels', 'Digests']));
    const seeded = (await demo.api.get<{ items: Digest[] }>('/api/v1/digests')).body.items;
    expect(seeded).toMatchObject([{ name: 'Weekly digest', portfolioId: portfolio.id, weekday: 1, hour: 8, lastSentFor: null }]);
    const row = `[aria-label="Digest list"] tr[data-digest-id="${seeded[0]?.id}"]`;
    const text = await tab.page.textContent(row);
    expect(text).toContain('Weekly digest');
    expect(text).toContain(portfolio.name);
    expect(text).toContain('Server log (demo)');
    expect(text).toContain('Mondays at 08:00');
    expect(await tab.page.textContent('main, #root')).toContain('Europe/London');
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('digests');
  });

  it('refuses a digest without a channel with the API reason next to the form, then creates it and lists it', async () => {
    await tab.page.click('button:has-text("New digest")');
    await tab.page.waitForFunction("new URL(location.href).searchParams.get('digestId') === 'new'");
    await tab.page.fill('input[name="name"]', DIGEST);
    await tab.page.selectOption('select[name="portfolioId"]', portfolio.id);
    await tab.page.selectOption('select[name="weekday"]', '5');
    await tab.page.selectOption('select[name="hour"]', '17');
    await tab.page.click('text=Save digest');
    const refusal = await tab.page.waitForSelector('form[aria-label="Digest"] [role="alert"]');
    expect(await refusal.textContent()).toMatch(/channelIds/);

    await tab.page.check(`input[name="channel-${mailChannel}"]`);
    await tab.page.click('text=Save digest');
    await tab.page.waitForFunction("new URL(location.href).searchParams.get('digestId')?.length === 36");
    await tab.settled();
    const listed = (await demo.api.get<{ items: Digest[] }>('/api/v1/digests')).body.items;
    digest = listed.find((d) => d.name === DIGEST) as Digest;
    expect(digest).toMatchObject({ portfolioId: portfolio.id, channelIds: [mailChannel], weekday: 5, hour: 17, lastSentFor: null });
    expect(tab.url().searchParams.get('digestId')).toBe(digest.id);
    const row = await tab.page.textContent(`[aria-label="Digest list"] tr[data-digest-id="${digest.id}"]`);
    expect(row).toMatch(new RegExp(`${DIGEST}.*${portfolio.name}.*PMO mail.*Fridays at 17:00`));
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
  });

  it('previews it: the subject and the HTML body as the API renders them, in a frame that runs no script; the text body on the toggle', async () => {
    await tab.page.click('[aria-label="Digest preview"] button:has-text("Preview")');
    await tab.page.waitForSelector('[data-figure="digests/preview.subject"]', { timeout: 60_000 });
    // The demo's first alert cycles may still be changing the firing alerts the digest lists: the
    // frame is compared with the API's answer once the two agree, refreshing the panel meanwhile.
    const frame = 'iframe[title="Digest HTML body"]';
    const agreed = await eventually(
      async () => {
        await tab.settled(60_000);
        const api = (await demo.api.get<Preview>(`/api/v1/digests/${digest.id}/preview`)).body;
        const shown = { subject: await tab.page.getAttribute('[data-figure="digests/preview.subject"]', 'data-value'), html: await tab.page.getAttribute(frame, 'srcdoc') };
        if (shown.html !== api.html) await tab.page.click('[aria-label="Digest preview"] button:has-text("Refresh")');
        return { api, shown };
      },
      (r) => r.shown.html === r.api.html,
      { what: 'the preview shown as the API renders it', timeoutMs: 90_000 },
    );
    preview = agreed.api;
    expect(agreed.shown.subject).toBe(preview.subject);
    expect(preview.subject).toContain(portfolio.name);
    expect(await tab.page.getAttribute(frame, 'sandbox')).toBe('');
    const body = tab.page.frameLocator(frame).locator('body');
    await body.waitFor();
    expect(await body.textContent()).toContain(portfolio.name);
    expect(await tab.page.frameLocator(frame).locator('title').textContent()).toBe(preview.subject);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('digest-preview');

    await tab.page.click('[aria-label="Digest body"] button:has-text("Text")');
    expect(await tab.page.textContent('pre[aria-label="Digest text body"]')).toBe(preview.text);
    expect(await tab.page.$('iframe[title="Digest HTML body"]')).toBeNull();
    await tab.page.click('[aria-label="Digest body"] button:has-text("HTML")');
    await tab.page.waitForSelector('iframe[title="Digest HTML body"]');
  }, 180_000);

  it('sends it now: says so, follows the delivery to "sent", and the SMTP server receives the mail', async () => {
    await tab.page.click('button:has-text("Send now")');
    const status = await tab.page.waitForSelector('[aria-label="Send now"] [role="status"]');
    expect(await status.textContent()).toMatch(/Queued to 1 channel: the week of/);
    const sent = await tab.page.waitForSelector('[aria-label="Send now"] [data-figure$="].status"][data-value="sent"]', { timeout: 60_000 });
    const deliveryId = /items\[id=([^\]]+)\]/.exec((await sent.getAttribute('data-figure')) as string)?.[1];
    const deliveries = await demo.api.get<{ items: Array<{ id: string; digestId: string | null; channelId: string; status: string; attempts: number }> }>('/api/v1/alert-deliveries?kind=digest');
    expect(deliveries.body.items.find((d) => d.id === deliveryId)).toMatchObject({ digestId: digest.id, channelId: mailChannel, status: 'sent', attempts: 1 });
    await tab.page.waitForSelector('[aria-label="Send now"] [role="status"]:has-text("Done")');

    const mails = await eventually(async () => smtp.mails.filter((m) => m.mail.subject === preview.subject), (m) => m.length === 1, { what: 'the digest mail', timeoutMs: 30_000 });
    expect(mails[0]?.envelopeTo).toEqual([TO]);
    // The mail is rendered at the send, so only the parts no alert cycle changes are compared.
    const flowSection = preview.text.slice(preview.text.indexOf('Flow and capacity this week'), preview.text.indexOf('Forecast changes'));
    expect(flowSection).toMatch(/Throughput: /);
    expect(mails[0]?.mail.text).toContain(preview.text.split('\n')[0]);
    expect(mails[0]?.mail.text).toContain(flowSection);
    expect(mails[0]?.mail.html).toContain(portfolio.name);
    await tab.settled();
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
    await tab.screenshot('digest-sent');
  }, 90_000);

  it('shows a viewer the digests and their preview without new, save, delete or send', async () => {
    const viewer = await demo.open(`/digests?digestId=${digest.id}`, viewerKey);
    try {
      expect(await viewer.page.$$('[aria-label="Digest list"] tr[data-digest-id]')).toHaveLength(2);
      for (const label of ['New digest', 'Save digest', 'Delete digest', 'Send now']) expect(await viewer.page.$(`button:has-text("${label}")`)).toBeNull();
      expect(await viewer.page.isDisabled('input[name="name"]')).toBe(true);
      await viewer.page.click('[aria-label="Digest preview"] button:has-text("Preview")');
      await viewer.page.waitForSelector('[data-figure="digests/preview.subject"]', { timeout: 60_000 });
      await viewer.settled(60_000);
      expect(await viewer.figureMismatches(viewerKey)).toEqual([]);
      expect(viewer.consoleErrors).toEqual([]);
      await viewer.screenshot('digests-viewer');
    } finally {
      await viewer.close();
    }
  }, 120_000);

  it('edits the hour (the whole document is PUT) and deletes the digest', async () => {
    await tab.page.selectOption('select[name="hour"]', '9');
    await tab.page.click('text=Save digest');
    const saved = await eventually(() => demo.api.get<Digest>(`/api/v1/digests/${digest.id}`), (r) => r.body.hour === 9, { what: 'hour 9 saved' });
    expect(saved.body).toMatchObject({ name: DIGEST, portfolioId: portfolio.id, channelIds: [mailChannel], weekday: 5 });
    await tab.page.waitForSelector(`[aria-label="Digest list"] tr[data-digest-id="${digest.id}"]:has-text("Fridays at 09:00")`);

    tab.page.once('dialog', (dialog) => void dialog.accept());
    await tab.page.click('button:has-text("Delete digest")');
    await tab.page.waitForFunction("!new URL(location.href).searchParams.has('digestId')");
    await tab.page.waitForSelector(`[aria-label="Digest list"] tr[data-digest-id="${digest.id}"]`, { state: 'detached', timeout: 60_000 });
    expect((await demo.api.get(`/api/v1/digests/${digest.id}`)).status).toBe(404);
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
  });
});
