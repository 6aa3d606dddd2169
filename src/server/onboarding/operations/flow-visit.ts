import { z } from 'zod';
import type { Flow } from '../../../lib/content/flow-schemas';
import { findFlowForPersona } from '../../content/persona-content';
import { AppError } from '../../errors';
import { requestFactsOf, type OperationContext } from '../../operations/operation';
import { flowVisitorFrom, REFERRAL_CODE } from '../page-context';
import type { FlowVisitor } from '../visitor';

const utmValue = z.string().trim().max(200).nullable().default(null);

/**
 * What every flow post names: the flow (by persona slug), the resume token of a visitor without
 * an id cookie, and where the visit came from. The visitor itself is a request fact, not input.
 */
export const flowVisitInput = z.object({
  slug: z.string().max(80),
  // Any text: flowVisitorFrom keeps the first 64 characters, and an unknown token finds nothing.
  resume: z.string().nullable().default(null),
  attribution: z
    .object({
      utm: z.object({ source: utmValue, medium: utmValue, campaign: utmValue }).default({}),
      referralCode: z.string().regex(REFERRAL_CODE).nullable().default(null),
    })
    .default({}),
});

export type FlowVisitInput = z.output<typeof flowVisitInput>;

/** The flow a slug names; an unknown slug is NOT_FOUND. */
export function flowOf(slug: string): Flow {
  const flow = findFlowForPersona(slug);
  if (!flow) throw new AppError('NOT_FOUND', 'There is no onboarding flow with that name.');
  return flow;
}

/** Who is posting: the recognised visitor and client address, with the input's token and attribution. */
export function flowVisitorOf(
  context: OperationContext<unknown>,
  input: FlowVisitInput,
): FlowVisitor {
  const request = requestFactsOf(context);
  return flowVisitorFrom(request.visitor, input.resume, input.attribution, request.clientIp);
}
