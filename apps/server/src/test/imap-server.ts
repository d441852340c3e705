import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The system user and group a mail server may run as here: dovecot's own when root, else mine. */
function owners() {
  if (process.getuid?.() !== 0) {
    const me = userInfo().username;
    return { internal: me, login: me, uid: process.getuid!(), gid: process.getgid!() };
  }
  const id = (file: string, name: string) =>
    Number(
      readFileSync(file, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${name}:`))!
        .split(':')[2],
    );
  return {
    internal: 'dovecot',
    login: 'dovenull',
    uid: id('/etc/passwd', 'dovecot'),
    gid: id('/etc/group', 'dovecot'),
  };
}

/**
 * A real IMAP server on loopback: Debian's Dovecot, run in the foreground from a throwaway folder
 * with one mailbox user, stopped and removed by `close`. `append` puts a message in the inbox as a
 * mail client would, over IMAP.
 */
export async function startImap() {
  const dir = mkdtempSync('/tmp/komek-imap-');
  const port = await freePort();
  const user = 'requests@legal-aid.test';
  const password = 'mailbox-secret-1';
  const who = owners();
  for (const sub of ['run', 'state', 'home']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${who.internal}
default_internal_group = ${who.internal === 'dovecot' ? 'dovecot' : who.internal}
default_login_user = ${who.login}
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  if (process.getuid?.() === 0)
    for (const sub of ['', 'run', 'state', 'home', 'users']) chownSync(join(dir, sub), who.uid, who.gid);
  const server: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });

  const client = () =>
    new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
  // Ready when a login goes through.
  for (let attempt = 0; ; attempt++) {
    const c = client();
    try {
      await c.connect();
      await c.logout();
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    port,
    user,
    password,
    /** Puts a message in the inbox as it arrives by mail: unread unless flagged as seen. */
    async append(raw: string, flags: string[] = []) {
      const c = client();
      await c.connect();
      try {
        await c.append('INBOX', raw, flags);
      } finally {
        await c.logout();
      }
    },
    /** The inbox's messages by UID, with whether each has been read. */
    async inbox() {
      const c = client();
      await c.connect();
      const lock = await c.getMailboxLock('INBOX');
      try {
        const seen: Array<{ uid: number; seen: boolean }> = [];
        for await (const m of c.fetch('1:*', { uid: true, flags: true }))
          seen.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false });
        return seen;
      } finally {
        lock.release();
        await c.logout();
      }
    },
    async close() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
