import { sequence } from 'astro:middleware';
import { analytics } from './server/http/analytics-middleware';
import { persona } from './server/http/persona-middleware';
import { security } from './server/http/security-middleware';
import { session } from './server/http/session-middleware';

export const onRequest = sequence(security, session, persona, analytics);
