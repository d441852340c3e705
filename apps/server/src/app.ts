import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerModules } from './modules/index.ts';
import { answerClientError } from './platform/client-errors.ts';
import { registerErrorHandler } from './platform/error-handler.ts';
import { AppError } from './platform/errors.ts';
import type { Platform } from './platform/http.ts';
import { redactingSerializers } from './platform/log-redaction.ts';
import { sharedRateLimitStore } from './platform/rate-limit-store.ts';
import { registerRequestContext } from './platform/request-context.ts';
import { registerRequestUnitOfWork } from './platform/request-unit-of-work.ts';
import { zodValidatorCompiler } from './platform/validation.ts';
import { registerWebAssets } from './platform/web-assets.ts';
import { helpRoutes } from './public/help.routes.ts';

export interface BuildOptions {
  logger?: boolean | object;
}

export type App = FastifyInstance;

export async function buildApp(platform: Platform, options: BuildOptions = {}): Promise<App> {
  const logger = options.logger
    ? { ...(typeof options.logger === 'object' ? options.logger : {}), serializers: redactingSerializers }
    : false;
  const app = Fastify({
    logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Only the configured proxies may say who the client is; anyone else could rotate
    // X-Forwarded-For to escape the sign-in rate limit.
    trustProxy: platform.config.trustedProxies.length > 0 ? platform.config.trustedProxies : false,
    bodyLimit: 1_048_576,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('platform', platform);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: platform.config.production ? [] : null,
      },
    },
    hsts: platform.config.production,
  });
  // Counters in the shared database: every node behind a load balancer counts the same attempts.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(platform.database) });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Komek API', version: '0.1.0', description: 'Legal aid and protection casework' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'komek_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerRequestContext(app);
  registerRequestUnitOfWork(app);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });

  await app.register(registerModules, { prefix: '/api' });
  await app.register(helpRoutes);

  if (existsSync(platform.config.webDist)) {
    await registerWebAssets(app, platform.config.webDist);
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api') && existsSync(platform.config.webDist);
    if (wantsPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    throw new AppError('not_found');
  });
  return app;
}
