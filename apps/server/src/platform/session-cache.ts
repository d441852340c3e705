/**
 * Sessions just looked up, kept for a few seconds: every request of a signed-in user starts with
 * its session, and on a busy server that lookup was one query in eight (bench/README.md, load).
 * Whatever ends or changes a session on this node forgets it at once (sign-out, sign-out
 * everywhere, password change or reset, a user disabled or edited, two-step confirmed); another
 * node of a cluster may accept it for at most `ttlMs` more (docs/security.md).
 */
export class SessionCache<T extends { actor: { userId: string } }> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(tokenHash: string, now = Date.now()): T | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until > now) return hit.value;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Kept for `ttlMs`, and never past `lapsesAt` (when the session would expire by itself). */
  set(tokenHash: string, value: T, lapsesAt = Number.POSITIVE_INFINITY, now = Date.now()): void {
    const until = Math.min(now + this.ttlMs, lapsesAt);
    if (until <= now) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { value, until });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [key, { value }] of this.entries) if (value.actor.userId === userId) this.entries.delete(key);
  }
}
