import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { attachmentRoutes } from './cases/attachments.routes.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { eligibilityRoutes } from './eligibility/eligibility.routes.ts';
import { geographyRoutes } from './geography/geography.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { personRoutes } from './persons/persons.routes.ts';
import { savedViewRoutes } from './saved-views/saved-views.routes.ts';
import { tokenRoutes } from './tokens/tokens.routes.ts';
import { userRoutes } from './users/users.routes.ts';

export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(organisationRoutes);
  await app.register(auditRoutes);
  await app.register(geographyRoutes);
  await app.register(tokenRoutes);
  await app.register(personRoutes);
  await app.register(caseRoutes);
  await app.register(attachmentRoutes);
  await app.register(savedViewRoutes);
  await app.register(eligibilityRoutes);
};
