import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/connection.ts';
import { sha256 } from './crypto.ts';
import { countRequest } from './rate-limits.repo.ts';

type RouteInfo = { method?: string | string[]; url?: string };

/**
 * A store for @fastify/rate-limit that keeps its counters in the database every node shares,
 * so that two API nodes behind a load balancer do not allow twice the sign-in attempts. Each
 * route counts apart, as the plugin's own store does; addresses are kept hashed.
 */
export function sharedRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    readonly scope: string;
    // The plugin gives each route's store its merged options, the route among them.
    constructor(options: object) {
      const route = (options as { routeInfo?: RouteInfo }).routeInfo;
      this.scope = route?.url ? `${[route.method].flat().join(',')} ${route.url}` : 'global';
    }

    incr: FastifyRateLimitStore['incr'] = (key, callback, timeWindow) => {
      // Outside any request transaction (hooks run before it): a counted attempt stays counted.
      countRequest(database.root, sha256(`${this.scope}|${key}`), timeWindow).then(
        (answer) => callback(null, answer),
        (error: Error) => callback(error),
      );
    };

    child(routeOptions: object): FastifyRateLimitStore {
      return new SharedStore(routeOptions);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
