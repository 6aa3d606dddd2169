import type { SessionUser } from './session';

/**
 * Whoever runs an operation: a signed-in user, or a partner API key acting as a partner rep of its
 * company (the key's creator is recorded as the person behind it). Null is a visitor.
 */
export interface Actor extends SessionUser {
  apiKey?: { id: string; prefix: string } | undefined;
}
