import type { SolutionTemplate } from '../../lib/content/portal';
import { AREA_ROLES, requireChannel, requireRole } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { findTemplate, listTemplates } from '../content/templates';
import type { DbOrTx } from '../db';
import { AppError } from '../errors';
import { templateStats } from './stats-repository';

/** Every solution template, for anyone in the portal. */
export function listTemplatesFor(actor: SessionUser | null): SolutionTemplate[] {
  requireRole(actor, AREA_ROLES.portal);
  return listTemplates();
}

export function getTemplateFor(actor: SessionUser | null, slug: string): SolutionTemplate {
  requireRole(actor, AREA_ROLES.portal);
  const template = findTemplate(slug);
  if (!template) throw new AppError('NOT_FOUND', 'There is no solution template with that name.');
  return template;
}

export interface TemplateFigures {
  slug: string;
  title: string;
  version: string;
  /** Registered deals (submitted or later) that started from the template. */
  deals: number;
  won: number;
  lost: number;
  /** Won ÷ (won + lost); null until a deal has closed. */
  winRate: number | null;
  /** Average estimated value per currency, in minor units. */
  averageValue: Record<string, number>;
}

/**
 * Channel managers see how each template performs: deals started from it, win rate over
 * closed deals (won ÷ (won + lost): open deals do not count as losses) and average value per
 * currency (values in different currencies are never added together).
 */
export async function getTemplateFigures(
  db: DbOrTx,
  actor: SessionUser | null,
): Promise<TemplateFigures[]> {
  requireChannel(actor);
  const rows = await templateStats(db);
  return listTemplates().map((template) => {
    const mine = rows.filter((r) => r.templateSlug === template.slug);
    const deals = mine.reduce((sum, r) => sum + r.n, 0);
    const won = mine.reduce((sum, r) => sum + r.won, 0);
    const lost = mine.reduce((sum, r) => sum + r.lost, 0);
    const averageValue: Record<string, number> = {};
    for (const r of mine) averageValue[r.currency] = Math.round(r.value / r.n);
    return {
      slug: template.slug,
      title: template.title,
      version: template.version,
      deals,
      won,
      lost,
      winRate: won + lost > 0 ? won / (won + lost) : null,
      averageValue,
    };
  });
}
