import type { APIRoute } from 'astro';
import { getDb } from '../../../server/db';
import { AppError } from '../../../server/errors';
import { scenarioCsvResponse } from '../../../server/http/scenario-csv-response';
import { getScenario } from '../../../server/roi/scenarios';

/** The owner's CSV export of a scenario; anyone else gets 404, visitors are sent to sign in. */
export const GET: APIRoute = async ({ params, locals, redirect }) => {
  const id = (params.id ?? '').slice(0, 40);
  if (!locals.user)
    return redirect(`/login?next=${encodeURIComponent(`/roi/scenarios/${id}`)}`, 303);
  try {
    return scenarioCsvResponse(await getScenario(getDb(), locals.user, id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    throw error;
  }
};
