import type { PersonaSlug } from '../../lib/catalog';
import { splitReferrer } from '../../lib/personas/resolve';
import type { ResolvedPersona, Visitor } from '../../lib/personas/types';
import type { DbOrTx } from '../db';
import { recordEvent, type EventInput } from '../analytics/record-event';
import { utmFrom } from './request-context';

export interface ExposureInput {
  visitor: Visitor;
  persona: ResolvedPersona;
  url: URL;
  referrer: string | null;
  ownOrigins: readonly string[];
  userId: string | null;
}

/**
 * The `experience_viewed` event for a page rendered for a known persona, personalised or held
 * out; null for a generic page shown to a visitor without a persona (not an exposure). It must
 * be stored before the HTML is sent, so the log holds exactly the variants that were served.
 */
export function exposureEvent(input: ExposureInput, now: Date = new Date()): EventInput | null {
  const { persona, visitor, url } = input;
  if (!persona.slug || persona.variant === 'generic') return null;
  return {
    type: 'experience_viewed',
    occurredAt: now.toISOString(),
    visitorId: visitor.analyticsId,
    userId: input.userId,
    persona: persona.slug,
    variant: persona.variant,
    personaSource: persona.source,
    path: url.pathname,
    referrerHost: splitReferrer(input.referrer, input.ownOrigins).externalHost,
    utm: utmFrom(url),
    partnerRef: url.searchParams.get('ref')?.trim().slice(0, 64) || null,
    properties: {
      isHoldoutEligible: persona.isHoldoutEligible,
      isExplicit: persona.isExplicit,
      refusesTracking: visitor.refusesTracking,
    },
  };
}

/** Logs `persona_switched` when a visitor uses the "I am a…" switcher. */
export async function recordPersonaSwitch(
  db: DbOrTx,
  input: {
    visitor: Visitor;
    from: PersonaSlug | null;
    /** How the site had arrived at `from` (utm_audience, referrer, cookie…), for inference quality. */
    fromSource: string | null;
    to: PersonaSlug | null;
    path: string;
    userId: string | null;
  },
  now: Date = new Date(),
): Promise<void> {
  await recordEvent(
    db,
    {
      type: 'persona_switched',
      visitorId: input.visitor.analyticsId,
      userId: input.userId,
      persona: input.to,
      personaSource: 'query',
      path: input.path,
      properties: {
        from: input.from,
        fromSource: input.fromSource,
        to: input.to,
        refusesTracking: input.visitor.refusesTracking,
      },
    },
    now,
  );
}
