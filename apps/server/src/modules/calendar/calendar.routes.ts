import { isLocale } from '@komek/domain';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarTokens, users } from '../../db/schema/index.ts';
import { appendAudit } from '../../platform/audit.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { actorFromUser } from '../../platform/policy.ts';
import { listDeadlines } from '../procedures/procedures.service.ts';
import { toIcs } from './ics.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { platform } = app;
  const { db } = platform.database;

  app.post(
    '/calendar/token',
    {
      schema: { tags, response: { 200: z.object({ url: z.string() }) } },
      // Issues (or replaces) the caller's own feed address; the old one stops working.
      config: { access: { permission: 'case.read' as const } },
    },
    async (request) => {
      const actor = actorOf(request);
      const token = randomToken(24);
      await db
        .insert(calendarTokens)
        .values({ userId: actor.userId, tokenHash: sha256(token) })
        .onConflictDoUpdate({
          target: calendarTokens.userId,
          set: { tokenHash: sha256(token), createdAt: new Date() },
        });
      await request.audit({ action: 'calendar.token_issued', orgId: actor.orgId });
      return { url: `${platform.config.publicUrl}/api/calendar/${token}.ics` };
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: { tags, params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }) },
      // Calendar programs cannot sign in: the secret in the address is the credential.
      config: { access: { public: true } },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const [row] = await db
        .select({ user: users })
        .from(calendarTokens)
        .innerJoin(users, eq(users.id, calendarTokens.userId))
        .where(eq(calendarTokens.tokenHash, sha256(token)));
      if (!row || row.user.disabledAt) throw new AppError('not_found');
      const u = row.user;
      const locale = isLocale(u.locale) ? u.locale : 'en';
      const deadlines = await listDeadlines(
        platform,
        actorFromUser(u, 'token'),
        { range: 'all', mine: 'true', limit: 200, offset: 0 },
        locale,
      );
      await appendAudit(platform, {
        action: 'calendar.feed_read',
        orgId: u.orgId,
        actorUserId: u.id,
        actorEmail: u.email,
        entityType: 'user',
        entityId: u.id,
        ip: request.ip,
        requestId: request.id,
        details: { returned: deadlines.length },
      });
      // Summaries carry the case number and the step, never the person's name.
      const body = toIcs(
        'Komek',
        deadlines.map((d) => ({
          uid: `${d.stepId}@komek`,
          date: d.dueDate,
          summary: `${d.stepName} — ${d.caseNumber}`,
          description: `${d.procedureName}${d.toConfirm ? ' (time limit to confirm)' : ''}`,
          url: `${platform.config.publicUrl}/cases/${d.caseId}`,
        })),
      );
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  );
};
