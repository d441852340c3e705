import {
  LOCALES,
  zIdParams,
  zPage,
  zPartnerStats,
  zReferral,
  zReferralInput,
  zReferralListQuery,
  zReferralTransition,
} from '@komek/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http.ts';
import { htmlToPdf } from '../../platform/pdf.ts';
import { referralFormHtml } from './referral-form.ts';
import * as service from './referrals.service.ts';

const tags = ['referrals'];
const read = { access: { permission: 'referral.read' as const } };
const send = { access: { permission: 'referral.send' as const } };
const respond = { access: { permission: 'referral.respond' as const } };

const zRespond = zReferralTransition.options.filter((o) => o.shape.to.value !== 'revoked');
const zRespondBody = z.discriminatedUnion('to', [zRespond[0]!, ...zRespond.slice(1)]);
const zRevokeBody = zReferralTransition.options.find((o) => o.shape.to.value === 'revoked')!;

export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;

  app.post(
    '/cases/:id/referrals',
    { schema: { tags, params: zIdParams, body: zReferralInput, response: { 201: zReferral } }, config: send },
    async (request, reply) => {
      const referral = await service.referFromCase(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
      );
      await request.audit({
        action: 'referral.sent',
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
        details: {
          caseId: request.params.id,
          to: referral.toOrg.id,
          shared: referral.sharedFields,
          consent: referral.consent.kind,
        },
      });
      return reply.status(201).send(referral);
    },
  );

  app.get(
    '/referrals',
    { schema: { tags, querystring: zReferralListQuery, response: { 200: zPage(zReferral) } }, config: read },
    async (request) => {
      const page = await service.listReferrals(platform, actorOf(request), request.query);
      await request.audit({
        action: 'referral.list',
        orgId: actorOf(request).orgId,
        details: { ...request.query, returned: page.items.length },
      });
      return page;
    },
  );

  app.get(
    '/referrals/stats',
    {
      schema: {
        tags,
        querystring: z.object({ direction: z.enum(['incoming', 'outgoing']).default('outgoing') }),
        response: { 200: zPartnerStats },
      },
      config: read,
    },
    async (request) => service.partnerStats(platform, actorOf(request), request.query.direction),
  );

  app.get(
    '/referrals/:id',
    { schema: { tags, params: zIdParams, response: { 200: zReferral } }, config: read },
    async (request) => {
      const referral = await service.getReferral(platform, actorOf(request), request.params.id);
      // Every view is recorded, by either side: this is the record partners are accountable for.
      await request.audit({
        action: 'referral.read',
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
        details: { side: referral.side },
      });
      return referral;
    },
  );

  app.get(
    '/referrals/:id/form.pdf',
    {
      schema: {
        tags,
        params: zIdParams,
        // A link opened in a new tab cannot set headers; the page passes its language here.
        querystring: z.object({ locale: z.enum(LOCALES).optional() }),
      },
      config: read,
    },
    async (request, reply) => {
      const referral = await service.getReferral(platform, actorOf(request), request.params.id);
      const locale = request.query.locale ?? request.locale;
      const pdf = await htmlToPdf(platform.config, referralFormHtml(referral, locale));
      await request.audit({
        action: 'referral.printed',
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
        details: { side: referral.side, locale },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="referral-${referral.reference}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/referrals/:id/respond',
    {
      schema: { tags, params: zIdParams, body: zRespondBody, response: { 200: zReferral } },
      config: respond,
    },
    async (request) => {
      const referral = await service.transitionReferral(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
        'receiver',
      );
      await request.audit({
        action: `referral.${request.body.to}`,
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
      });
      return referral;
    },
  );

  app.post(
    '/referrals/:id/revoke',
    { schema: { tags, params: zIdParams, body: zRevokeBody, response: { 200: zReferral } }, config: send },
    async (request) => {
      const referral = await service.transitionReferral(
        platform,
        actorOf(request),
        request.params.id,
        request.body,
        'sender',
      );
      await request.audit({
        action: 'referral.revoked',
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
      });
      return referral;
    },
  );

  app.post(
    '/referrals/:id/onward',
    { schema: { tags, params: zIdParams, body: zReferralInput, response: { 201: zReferral } }, config: send },
    async (request, reply) => {
      const referral = await service.referOnward(platform, actorOf(request), request.params.id, request.body);
      await request.audit({
        action: 'referral.sent',
        orgId: actorOf(request).orgId,
        entityType: 'referral',
        entityId: referral.id,
        details: { onwardFrom: request.params.id, to: referral.toOrg.id, shared: referral.sharedFields },
      });
      return reply.status(201).send(referral);
    },
  );
};
