import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Db } from '../db/connection.ts';
import { insertSealedFile, readSealedChunks, rewriteSealedFile } from './sealed-files.repo.ts';

/**
 * Where sealed files' bytes live. Either way they are sealed before they get there: the store
 * never sees a readable byte. `db` is the request's transaction, for the store that is the
 * database itself.
 */
export interface FileStore {
  put(db: Db, fileId: string, orgId: string, sealed: Buffer): Promise<void>;
  /** The sealed bytes, or null when the store has no such file. */
  get(db: Db, fileId: string): Promise<Buffer | null>;
  /** Puts resealed bytes in place of a file's (key rotation); false when there is no such file. */
  replace(db: Db, fileId: string, sealed: Buffer): Promise<boolean>;
}

/** The default: chunks in PostgreSQL, committed with the record they belong to. */
export const databaseFiles: FileStore = {
  put: insertSealedFile,
  get: readSealedChunks,
  replace: rewriteSealedFile,
};

/**
 * `KOMEK_S3_URL`: `http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]`, any S3-compatible
 * store (path-style addressing, which they all answer).
 */
export function parseS3Url(raw: string) {
  const url = new URL(raw);
  const bucket = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!bucket || bucket.includes('/'))
    throw new Error('KOMEK_S3_URL must name one bucket: https://KEY:SECRET@host/bucket');
  if (!url.username || !url.password) throw new Error('KOMEK_S3_URL must carry the access key and secret');
  return {
    endpoint: `${url.protocol}//${url.host}`,
    bucket,
    region: url.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
  };
}

const keyOf = (fileId: string) => `files/${fileId}`;

function connect(raw: string) {
  const { bucket, ...where } = parseS3Url(raw);
  const client = new S3Client({
    endpoint: where.endpoint,
    region: where.region,
    forcePathStyle: true,
    credentials: { accessKeyId: where.accessKeyId, secretAccessKey: where.secretAccessKey },
  });
  return { client, bucket, endpoint: where.endpoint };
}

/**
 * Files in an object store. An object is written before the record that names it commits: a
 * rolled-back upload leaves a sealed object nobody points to (harmless, and unreadable without the
 * keys), never a record without its file.
 */
export async function s3Files(raw: string): Promise<FileStore> {
  const { client, bucket, endpoint } = connect(raw);
  // Said at start, not at the first upload: a store that cannot be reached stops the server.
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    throw new Error(
      `The object store of KOMEK_S3_URL (${endpoint}, bucket ${bucket}) did not answer: ${error instanceof Error ? error.name : error}`,
    );
  }
  const put = async (fileId: string, sealed: Buffer) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(fileId), Body: sealed }));
  };
  const get = async (fileId: string) => {
    try {
      const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(fileId) }));
      return Buffer.from(await got.Body!.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  };
  // Whether an object is there, without fetching its bytes (a file may be 25 MB).
  const exists = async (fileId: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(fileId) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  };
  return {
    put: (_db, fileId, _orgId, sealed) => put(fileId, sealed),
    get: (_db, fileId) => get(fileId),
    async replace(_db, fileId, sealed) {
      if (!(await exists(fileId))) return false;
      await put(fileId, sealed);
      return true;
    },
  };
}

/** For tests and the operator's first setup: the bucket made when it is not there. */
export async function ensureBucket(raw: string): Promise<void> {
  const { client, bucket } = connect(raw);
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}
