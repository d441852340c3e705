import { referralsApi } from '@komek/domain';
import type { FastifyPluginAsync } from 'fastify';
import { implement } from '../../platform/contract-route.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { referralFormHtml } from './referral-form.ts';
import * as messages from './referral-messages.service.ts';
import * as service from './referrals.service.ts';

export const referralRoutes: FastifyPluginAsync = async (app) => {
  const { platform } = app;
  const onReferral = (id: string) => ({ entityType: 'referral', entityId: id });

  implement(app, referralsApi.send, async ({ actor, params, body, audit }) => {
    const referral = await service.referFromCase(platform, actor, params.id, body);
    await audit({
      ...onReferral(referral.id),
      details: {
        caseId: params.id,
        to: referral.toOrg.id,
        shared: referral.sharedFields,
        consent: referral.consent.kind,
      },
    });
    return referral;
  });

  implement(app, referralsApi.list, async ({ actor, query, audit }) => {
    const page = await service.listReferrals(platform, actor, query);
    await audit({ details: { ...query, returned: page.items.length } });
    return page;
  });

  implement(app, referralsApi.stats, ({ actor, query }) =>
    service.partnerStats(platform, actor, query.direction),
  );

  implement(app, referralsApi.get, async ({ actor, params, audit }) => {
    const referral = await service.getReferral(platform, actor, params.id);
    await audit({ ...onReferral(referral.id), details: { side: referral.side } });
    return referral;
  });

  implement(app, referralsApi.form, async ({ actor, params, query, locale: asked, audit, reply }) => {
    const referral = await service.getReferral(platform, actor, params.id);
    const locale = query.locale ?? asked;
    const pdf = await htmlToPdf(platform.config, referralFormHtml(referral, locale));
    await audit({ ...onReferral(referral.id), details: { side: referral.side, locale } });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="referral-${referral.reference}.pdf"`)
      .send(pdf);
  });

  implement(app, referralsApi.respond, async ({ actor, params, body, audit }) => {
    const referral = await service.transitionReferral(platform, actor, params.id, body, 'receiver');
    await audit({ ...onReferral(referral.id), action: `referral.${body.to}` });
    return referral;
  });

  implement(app, referralsApi.revoke, async ({ actor, params, body, audit }) => {
    const referral = await service.transitionReferral(platform, actor, params.id, body, 'sender');
    await audit(onReferral(referral.id));
    return referral;
  });

  implement(app, referralsApi.onward, async ({ actor, params, body, audit }) => {
    const referral = await service.referOnward(platform, actor, params.id, body);
    await audit({
      ...onReferral(referral.id),
      details: { onwardFrom: params.id, to: referral.toOrg.id, shared: referral.sharedFields },
    });
    return referral;
  });

  implement(app, referralsApi.message, async ({ actor, params, body, audit }) => {
    const referral = await messages.sendMessage(platform, actor, params.id, body.body);
    // The words stay in the sealed history; the trail says who wrote on which referral.
    await audit({ ...onReferral(referral.id), details: { side: referral.side } });
    return referral;
  });
};
