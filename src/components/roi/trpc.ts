import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/api/root';

/** tRPC over plain JSON (no transformer), same origin, so the session cookie goes along. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc' })],
});

/** A failed call as a message and field messages keyed by path (`inputs.agents` → `agents`). */
export function describeError(error: unknown): { message: string; fields: Record<string, string> } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { issues?: { path: string; message: string }[] } | undefined;
    const fields: Record<string, string> = {};
    for (const issue of data?.issues ?? []) {
      fields[issue.path.replace(/^inputs\./, '')] ??= issue.message;
    }
    return { message: error.message, fields };
  }
  return {
    message: 'The request did not reach the server. Check your connection and try again.',
    fields: {},
  };
}
