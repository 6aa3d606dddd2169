import type { ConflictReport } from '../../lib/matching/report';
import { AppError } from '../errors';

/**
 * Registering a customer the partner already has an open deal for, with a product in common,
 * is refused: the error names that deal so the page can link to it and the API can point at it.
 */
export class DuplicateDealError extends AppError {
  readonly duplicateId: string;
  /** Everything the rules found for the refused registration, for the page's conflict panel. */
  readonly report: ConflictReport | null;

  constructor(duplicate: { id: string; customerName: string }, report: ConflictReport | null = null) {
    super(
      'CONFLICT',
      `You already have an open deal for ${duplicate.customerName} with a product in common: ${duplicate.id} (/portal/deals/${duplicate.id}). Update that deal instead of registering it again.`,
      {
        issues: [{ path: 'customerDomain', message: `Duplicates your open deal ${duplicate.id}.` }],
      },
    );
    this.duplicateId = duplicate.id;
    this.report = report;
  }
}
