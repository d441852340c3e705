/**
 * A Chromium whose every process shares a fraction of one CPU core (a cgroup's CFS quota), to
 * time work that DevTools' CPU throttling does not reach — WebCrypto runs natively, off the
 * page's thread. Time-slicing makes a CPU-bound task take 1/fraction as long, as on a CPU that
 * many times slower; caches and memory are still this machine's. Needs a writable cgroup (v1
 * `cpu` controller or v2 `cpu.max`); null where there is none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness.ts';

const PERIOD_US = 100_000;

function makeGroup(fraction: number): { tasks: string; remove: () => void } | null {
  const name = `komek-bench-${process.pid}`;
  const quota = Math.round(PERIOD_US * fraction);
  try {
    if (
      existsSync('/sys/fs/cgroup/cgroup.controllers') &&
      !existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')
    ) {
      const dir = join('/sys/fs/cgroup', name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
      return { tasks: join(dir, 'cgroup.procs'), remove: () => rmdirSync(dir) };
    }
    const dir = join('/sys/fs/cgroup/cpu', name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
    writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quota));
    return { tasks: join(dir, 'tasks'), remove: () => rmdirSync(dir) };
  } catch {
    return null;
  }
}

/** Runs `use` with a Chromium held to `fraction` of a core; null when no cgroup can be made. */
export async function withSlowChromium<T>(
  fraction: number,
  use: (browser: Browser) => Promise<T>,
): Promise<T | null> {
  const group = makeGroup(fraction);
  if (!group) return null;
  // The browser joins the group before it starts, so every process it forks is in it too.
  const wrapper = join(mkdtempSync(join(tmpdir(), 'komek-slow-')), 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\necho $$ > ${group.tasks}\nexec ${CHROMIUM} "$@"\n`, { mode: 0o755 });
  const browser = await chromium.launch({ executablePath: wrapper, args: CHROMIUM_ARGS });
  try {
    return await use(browser);
  } finally {
    await browser.close();
    // The group can go once its processes have.
    for (let i = 0; i < 50; i++) {
      try {
        group.remove();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}
