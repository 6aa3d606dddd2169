import type { APIRoute } from 'astro';
import { getDb } from '../../../server/db';
import { AppError } from '../../../server/errors';
import { scenarioCsvResponse } from '../../../server/http/scenario-csv-response';
import { getSharedScenario } from '../../../server/roi/sharing';

/** CSV of a shared scenario, for anyone holding an active link; a revoked link is 404. */
export const GET: APIRoute = async ({ params }) => {
  try {
    return scenarioCsvResponse(
      await getSharedScenario(getDb(), (params.token ?? '').slice(0, 100)),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return new Response('This link does not work: it may have been revoked.', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    throw error;
  }
};
