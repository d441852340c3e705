import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../apps/server/src/db/schema/index.ts';
import { signIn, startE2e } from './harness.ts';

describe('the border incidents log in Chromium', () => {
  let e2e: Awaited<ReturnType<typeof startE2e>>;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.close());

  it('an administrator sets an early warning; a field worker logs an incident with someone hurt; the supervisor is told, opens it and verifies it', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, e2e.baseUrl, 'admin@fvlwb.demo');
    await admin.goto(`${e2e.baseUrl}/organisations`);
    const rules = admin.getByTestId('warning-rules');
    await rules.getByLabel('Whenever someone is injured or killed').check();
    await rules.getByTestId('warning-rule-recipients').click();
    const [supervisor] = await e2e.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'supervisor@fvlwb.demo'));
    await admin.getByRole('option', { name: supervisor!.displayName }).click();
    await admin.keyboard.press('Escape');
    await rules.getByRole('button', { name: 'Add the rule' }).click();
    await rules.getByTestId('warning-rule').getByText('Anyone injured or killed', { exact: false }).waitFor();

    const field = await e2e.newPage();
    await signIn(field, e2e.baseUrl, 'field@fvlwb.demo');
    await field.getByRole('link', { name: 'Border incidents' }).click();
    await field.getByTestId('incident-log').click();
    const form = field.getByTestId('incident-form');
    await form.getByLabel('Border', { exact: true }).click();
    await field.getByRole('option', { name: /Kyrgyzstan – Tajikistan/ }).click();
    await form.getByLabel('Type', { exact: true }).click();
    await field.getByRole('option', { name: 'Water dispute' }).click();
    await form.getByLabel('Community (village)').fill('Kök-Tash');
    await form.getByLabel('Men', { exact: true }).fill('14');
    await form.getByLabel('Injured', { exact: true }).fill('2');
    await form.getByLabel('Who or what (kept sealed)').fill('Our monitor at the canal');
    // Saved without its words: refused beside the field, in words.
    await form.getByTestId('incident-save').click();
    await form.getByText('at least 5', { exact: false }).first().waitFor();
    await form.getByLabel('What happened').fill('Stones thrown over the canal intake; two men injured.');
    await form.getByTestId('incident-save').click();
    await field.getByTestId('incident-status').getByText('Reported').waitFor();
    expect(await field.getByTestId('incident-affected').textContent()).toContain('14');
    // A field worker does not verify.
    expect(await field.getByTestId('incident-verified').count()).toBe(0);

    const told = await e2e.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, supervisor!.id));
    expect(told.map((n) => n.kind)).toContain('incident_warning');

    const sup = await e2e.newPage();
    await signIn(sup, e2e.baseUrl, 'supervisor@fvlwb.demo');
    await sup.getByTestId('notification-bell').click();
    await sup.getByTestId('notification-item').first().click();
    await sup.getByTestId('incident-verified-note').fill('Confirmed by the ayil okmotu by phone');
    await sup.getByTestId('incident-verified').click();
    await sup.getByTestId('incident-status').getByText('Verified').waitFor();
    await sup.getByTestId('incident-history').getByText('Confirmed by the ayil okmotu by phone').waitFor();

    // One of the injured is a migrant from over the border: a person with an urgent case of his own.
    await sup.getByTestId('incident-open-case').click();
    await sup.getByLabel('Family name', { exact: true }).fill('Назаров');
    await sup.getByLabel('Given name', { exact: true }).fill('Фаррух');
    await sup.getByTestId('incident-register-person').click();
    await sup.getByTestId('case-status').waitFor();
    expect(await sup.locator('main').textContent()).toContain('Property and land');
    await sup.goBack();
    await sup.getByTestId('incident').getByRole('link', { name: 'Open the case' }).waitFor();

    // The log lists it, on the map and in the month's count.
    await sup.goto(`${e2e.baseUrl}/incidents`);
    await sup.getByTestId('incidents-table').getByText('Water dispute').waitFor();
    await sup.getByTestId('incident-map').locator('path.leaflet-interactive').first().waitFor();
    // The heat per border: the one incident is the busiest month of Kyrgyzstan – Tajikistan.
    const heat = sup.getByTestId('segment-heat').locator('tr[data-segment="KG-TJ"]');
    expect(await heat.textContent()).toMatch(/Kyrgyzstan – Tajikistan.*1/);
    // The time slider dragged back to ten years ago shows none of it.
    const slider = sup.getByTestId('incident-time-slider');
    const track = (await slider.boundingBox())!;
    const thumbs = slider.getByRole('slider');
    const thumb = async (n: 0 | 1) => (await thumbs.nth(n).boundingBox())!;
    const drag = async (n: 0 | 1, x: number) => {
      const box = await thumb(n);
      await sup.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await sup.mouse.down();
      await sup.mouse.move(x, box.y + box.height / 2, { steps: 8 });
      await sup.mouse.up();
    };
    await drag(0, track.x + 2);
    await drag(1, track.x + 20);
    await sup.getByTestId('incidents-table').getByText('No incidents in this period.').waitFor();
  });
});
