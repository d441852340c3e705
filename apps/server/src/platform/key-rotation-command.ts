import type { Config } from './config.ts';
import { rotateKeys } from './key-rotation.ts';
import { startPlatform, stopPlatform } from './runtime.ts';

/**
 * `komek keys:rotate`: progress a line per batch (places and counts, never a value), then what
 * was resealed and what is left. Runs beside a running server; a cluster's keys come from the
 * environment, the same as the nodes'.
 */
export async function rotateKeysCommand(config: Config): Promise<number> {
  const platform = await startPlatform(config, { jobs: false });
  try {
    const newest = platform.cipher.newestKeyId;
    console.log(`resealing under key "${newest}"`);
    const result = await rotateKeys(
      platform.database,
      platform.cipher,
      ({ place, done, total }) => console.log(`${place}: ${done} of ${total}`),
      platform.files,
    );
    console.log(`resealed ${result.resealed} values and files under "${newest}"`);
    if (result.onDisk > 0)
      console.log(`${result.onDisk} files are still in the old files folder and keep their key`);
    const unopened = Object.entries(result.unopened);
    for (const [place, n] of unopened)
      console.error(`${place}: ${n} did not open with any key held; left as they are`);
    return unopened.length > 0 ? 1 : 0;
  } finally {
    await stopPlatform(platform);
  }
}
