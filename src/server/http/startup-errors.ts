/** Turns a start-up failure into one message a newcomer can act on. */

function codeOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Connection refusals and timeouts may be a database still starting; a bad path is not. */
export function isWorthRetrying(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === '57P03';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function explainStartupFailure(error: unknown, databaseUrl: string, attempts: number) {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const where = `DATABASE_URL=${redact(databaseUrl)}`;
  const tried = attempts > 1 ? ` (tried ${attempts} times)` : '';
  const hint = (() => {
    switch (code) {
      case 'ECONNREFUSED':
        return 'Nothing accepts connections there: is PostgreSQL running, and are host and port right?';
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return 'The database host name does not resolve: check the host in DATABASE_URL.';
      case 'ETIMEDOUT':
        return 'The database did not answer in time: check the host, port and any firewall.';
      case '28P01':
      case '28000':
        return 'PostgreSQL refused the user or password in DATABASE_URL.';
      case '3D000':
        return 'That PostgreSQL database does not exist: create it, or fix its name in DATABASE_URL.';
      case 'SQLITE_CANTOPEN':
      case 'EACCES':
      case 'EROFS':
      case 'ENOENT':
      case 'ENOTDIR':
        return 'The SQLite file cannot be opened or created: check that its folder exists and is writable.';
      default:
        return 'Check that DATABASE_URL names a reachable database (file:./path.sqlite or postgres://…).';
    }
  })();
  return `Chasm could not start: the database is not usable${tried}.\n  ${where}\n  ${hint}\n  (${message})`;
}
