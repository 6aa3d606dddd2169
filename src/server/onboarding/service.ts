import { hitLimit } from '../auth/rate-limit';
import { sha256Hex } from '../auth/tokens';
import type { Flow } from '../../lib/content/flow-schemas';
import { stepSchema, type Answers, type RawValues } from '../../lib/personas/fields';
import { findStep, nextStepId, pathFor, visibleStep } from '../../lib/personas/flow';
import { isoNow } from '../../lib/time';
import type { Db, DbOrTx } from '../db';
import { AppError } from '../errors';
import { recordEvent } from '../analytics/record-event';
import type { FlowProgress } from '../schema';
import { inTransaction } from '../transactions';
import { parseInput } from '../validation';
import { completeFlow } from './complete';
import * as repo from './repository';
import {
  createProgress,
  eventVisitorId,
  findProgress,
  flowEventBase,
  parseAnswers,
  type FlowVisitor,
} from './visitor';

export type { FlowVisitor } from './visitor';

export interface FlowView {
  progress: FlowProgress | null;
  answers: Answers;
  /** The step to show. */
  stepId: string;
  /** The steps this visitor goes through with the answers so far. */
  path: string[];
  isCompleted: boolean;
}

export type StepResult =
  | { kind: 'next'; resumeToken: string | null }
  | { kind: 'completed'; resumeToken: string | null; leadId: string | null };

function viewOf(flow: Flow, progress: FlowProgress | null, requested: string | null): FlowView {
  const answers = progress ? parseAnswers(progress.answers) : {};
  const current = progress?.current_step ?? flow.steps[0]!.id;
  return {
    progress,
    answers,
    stepId: visibleStep(flow, answers, current, requested),
    path: pathFor(flow, answers),
    isCompleted: progress?.status === 'completed',
  };
}

/**
 * What /start/<slug> shows: the visitor's saved progress (resumed at the step they reached, or
 * an earlier one they went back to). A returning visitor's progress is created on first view,
 * which records flow_started; a first-time visitor's on their first answer, so clients that
 * keep no cookies (crawlers, link previews) do not start flows.
 */
export async function openFlow(
  db: Db,
  flow: Flow,
  visitor: FlowVisitor,
  requestedStep: string | null,
  now: Date = new Date(),
): Promise<FlowView> {
  let progress = (await findProgress(db, flow, visitor)) ?? null;
  if (!progress && visitor.trackedId && visitor.isReturning) {
    progress = (await db.transaction().execute((trx) => createProgress(trx, flow, visitor, now)))
      .progress;
  }
  return viewOf(flow, progress, requestedStep);
}

function merge(answers: Answers, fields: string[], values: Record<string, unknown>): Answers {
  const merged: Answers = { ...answers };
  for (const name of fields) {
    const value = values[name] as Answers[string] | undefined;
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

/**
 * Completing a flow creates a lead, e-mails and, for integrators, a partner application, so one
 * client address may complete at most 10 flows an hour (a person completes one; an office NAT a
 * few). The counter lives in the database, so it holds across processes.
 */
const COMPLETION_LIMIT = { max: 10, windowMs: 60 * 60_000 };

async function refuseTooManyCompletions(
  db: DbOrTx,
  visitor: FlowVisitor,
  now: Date,
): Promise<void> {
  if (!visitor.clientIp) return;
  const state = await hitLimit(
    db,
    `flow:complete:${sha256Hex(visitor.clientIp)}`,
    COMPLETION_LIMIT,
    now,
  );
  if (state.isExceeded) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'Too many sign-ups from this network in the last hour. Please try again later.',
      {
        retryAfterSeconds: state.retryAfterSeconds,
      },
    );
  }
}

/**
 * Saves one step's answers (validated against the step's fields; errors come back by field
 * name) and moves to the next step, or completes the flow after the last. One transaction per
 * post, so a step is either saved with its event or not at all.
 */
export async function submitFlowStep(
  db: DbOrTx,
  flow: Flow,
  visitor: FlowVisitor,
  stepId: string,
  raw: RawValues,
  now: Date = new Date(),
): Promise<StepResult> {
  const step = findStep(flow, stepId);
  if (!step)
    throw new AppError(
      'BAD_REQUEST',
      'That step is not part of this flow. Reload the page and try again.',
    );
  const values = parseInput(stepSchema(step), raw) as Record<string, unknown>;
  return inTransaction(db, async (trx) => {
    let progress = await findProgress(trx, flow, visitor);
    let resumeToken = visitor.resumeToken;
    if (!progress) {
      if (stepId !== flow.steps[0]!.id) {
        throw new AppError(
          'CONFLICT',
          'We could not find your earlier answers (they may be in another browser). Please start again here.',
        );
      }
      ({ progress, resumeToken } = await createProgress(trx, flow, visitor, now));
    }
    if (progress.status === 'completed')
      return { kind: 'completed', resumeToken, leadId: progress.lead_id };
    const stored = parseAnswers(progress.answers);
    if (visibleStep(flow, stored, progress.current_step, stepId) !== stepId) {
      throw new AppError(
        'CONFLICT',
        'That step was replaced by a later answer. Here is where you are now.',
      );
    }
    const answers = merge(
      stored,
      step.fields.map((f) => f.name),
      values,
    );
    // A crawler's flow records nothing (null); everyone else's events carry their visitor id.
    const visitorId = visitor.isBot ? null : eventVisitorId(visitor, progress);
    const next = nextStepId(flow, stepId, answers);
    if (!next) {
      await refuseTooManyCompletions(trx, visitor, now);
      const leadId = await completeFlow(
        trx,
        flow,
        { ...progress, current_step: stepId },
        answers,
        visitorId,
        now,
      );
      return { kind: 'completed', resumeToken, leadId };
    }
    await repo.saveProgress(trx, progress.id, {
      answers: JSON.stringify(answers),
      current_step: next,
      updated_at: isoNow(now),
    });
    if (visitorId)
      await recordEvent(
        trx,
        {
          ...flowEventBase(flow, progress, visitorId),
          type: 'flow_step_completed',
          properties: {
            flowId: flow.id,
            stepId,
            stepNumber: pathFor(flow, answers).indexOf(stepId) + 1,
          },
        },
        now,
      );
    return { kind: 'next', resumeToken };
  });
}

/** "Start a new request" after completing: the same answers as defaults, a new attempt. */
export async function restartFlow(
  db: DbOrTx,
  flow: Flow,
  visitor: FlowVisitor,
  now: Date = new Date(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const progress = await findProgress(trx, flow, visitor);
    if (!progress || progress.status !== 'completed') return;
    await repo.restartProgress(trx, progress.id, flow.steps[0]!.id, isoNow(now));
    if (!visitor.isBot)
      await recordEvent(
        trx,
        {
          type: 'flow_started',
          visitorId: eventVisitorId(visitor, progress),
          persona: flow.persona,
          path: `/start/${flow.persona}`,
          properties: { flowId: flow.id, progressId: progress.id, attempt: progress.attempt + 1 },
        },
        now,
      );
  });
}
