import { config } from '../config';
import type { SolutionTemplate } from '../../lib/content/portal';

/** A solution template as the partner API shows it (`templateResourceSchema`). */
export function templateResource(t: SolutionTemplate) {
  return {
    slug: t.slug,
    title: t.title,
    version: t.version,
    updated: t.updated.toISOString().slice(0, 10),
    summary: t.summary,
    products: t.components.map((c) => c.product),
    phases: t.phases,
    billOfMaterials: t.billOfMaterials.map((b) => ({
      item: b.item,
      product: b.product ?? null,
      quantity: b.quantity,
      unit: b.unit,
    })),
    prerequisites: t.prerequisites,
    risks: t.risks,
    roi: { model: t.roi.model, preset: t.roi.preset },
    portalUrl: `${config().publicOrigin}/portal/templates/${t.slug}`,
  };
}
