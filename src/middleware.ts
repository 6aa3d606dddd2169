import { sequence } from 'astro:middleware';
import { analytics } from './server/http/analytics-middleware';
import { security } from './server/http/security-middleware';
import { session } from './server/http/session-middleware';

export const onRequest = sequence(security, session, analytics);
