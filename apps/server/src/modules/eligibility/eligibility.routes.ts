import {
  zEligibilityCriterion,
  zEligibilityCriterionInput,
  zEligibilityCriterionUpdate,
  zIdParams,
} from '@komek/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eligibilityCriteria } from '../../db/schema/index.ts';
import { AppError, versionConflict } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { assertCan } from '../../platform/policy.ts';

const tags = ['eligibility'];
const present = (row: typeof eligibilityCriteria.$inferSelect) => ({
  id: row.id,
  code: row.code,
  label: row.label,
  active: row.active === 1,
  version: row.version,
});

// Intake criteria are organisation settings: administrators edit them, caseworkers answer them.
export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.platform.database;
  const manage = { access: { permission: 'organisation.manage' as const } };

  app.get(
    '/eligibility-criteria',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(zEligibilityCriterion) }) } },
      config: manage,
    },
    async (request) => {
      const rows = await db
        .select()
        .from(eligibilityCriteria)
        .where(eq(eligibilityCriteria.orgId, actorOf(request).orgId))
        .orderBy(asc(eligibilityCriteria.code));
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/eligibility-criteria',
    {
      schema: { tags, body: zEligibilityCriterionInput, response: { 201: zEligibilityCriterion } },
      config: manage,
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, 'organisation.manage', { orgId: actor.orgId });
      const [existing] = await db
        .select()
        .from(eligibilityCriteria)
        .where(
          and(eq(eligibilityCriteria.orgId, actor.orgId), eq(eligibilityCriteria.code, request.body.code)),
        );
      if (existing)
        throw new AppError('conflict', {
          issues: [{ path: 'code', in: 'body', code: 'conflict', message: '' }],
        });
      const [row] = await db
        .insert(eligibilityCriteria)
        .values({ ...request.body, orgId: actor.orgId, createdBy: actor.userId, updatedBy: actor.userId })
        .returning();
      await request.audit({
        action: 'eligibility.created',
        orgId: actor.orgId,
        entityType: 'eligibility_criterion',
        entityId: row!.id,
      });
      return reply.status(201).send(present(row!));
    },
  );

  app.patch(
    '/eligibility-criteria/:id',
    {
      schema: {
        tags,
        params: zIdParams,
        body: zEligibilityCriterionUpdate,
        response: { 200: zEligibilityCriterion },
      },
      config: manage,
    },
    async (request) => {
      const actor = actorOf(request);
      const [current] = await db
        .select()
        .from(eligibilityCriteria)
        .where(eq(eligibilityCriteria.id, request.params.id));
      assertCan(actor, 'organisation.manage', current && { orgId: current.orgId });
      const { version, active, label } = request.body;
      const [row] = await db
        .update(eligibilityCriteria)
        .set({
          ...(active === undefined ? {} : { active: active ? 1 : 0 }),
          ...(label ? { label } : {}),
          updatedBy: actor.userId,
          updatedAt: new Date(),
          version: sql`${eligibilityCriteria.version} + 1`,
        })
        .where(and(eq(eligibilityCriteria.id, current.id), eq(eligibilityCriteria.version, version)))
        .returning();
      if (!row) throw versionConflict(current.version);
      await request.audit({
        action: 'eligibility.updated',
        orgId: actor.orgId,
        entityType: 'eligibility_criterion',
        entityId: row.id,
        details: { active },
      });
      return present(row);
    },
  );
};
