import type { Condition, Flow, FlowStep } from '../content/flow-schemas';
import type { Answers } from './fields';

/** Whether a branch condition holds for the answers so far; unanswered fields never match. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.field];
  if (value === undefined) return false;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.oneOf !== undefined)
    return typeof value === 'string' && condition.oneOf.includes(value);
  if (condition.includes !== undefined)
    return Array.isArray(value) && value.includes(condition.includes);
  if (condition.atLeast !== undefined)
    return typeof value === 'number' && value >= condition.atLeast;
  if (condition.below !== undefined) return typeof value === 'number' && value < condition.below;
  return false;
}

export function findStep(flow: Flow, id: string | null | undefined): FlowStep | undefined {
  return flow.steps.find((s) => s.id === id);
}

/** The step after `stepId`: the first matching branch's target, else the next step; null after the last. */
export function nextStepId(flow: Flow, stepId: string, answers: Answers): string | null {
  const index = flow.steps.findIndex((s) => s.id === stepId);
  const step = flow.steps[index];
  if (!step) return null;
  const branch = step.branches.find((b) => conditionHolds(b.when, answers));
  if (branch) return branch.goto;
  return flow.steps[index + 1]?.id ?? null;
}

/**
 * The steps a visitor goes through with these answers, first to last. Branches only jump
 * forward (the content schema checks it), so this always ends, at the last step.
 */
export function pathFor(flow: Flow, answers: Answers): string[] {
  const path: string[] = [];
  let id: string | null = flow.steps[0]?.id ?? null;
  while (id && !path.includes(id)) {
    path.push(id);
    id = nextStepId(flow, id, answers);
  }
  return path;
}

/** Only the answers of steps on the path: an answer to a step that a later change skipped is dropped. */
export function answersOnPath(flow: Flow, answers: Answers): Answers {
  const kept: Answers = {};
  for (const id of pathFor(flow, answers)) {
    for (const field of findStep(flow, id)?.fields ?? []) {
      const value = answers[field.name];
      if (value !== undefined) kept[field.name] = value;
    }
  }
  return kept;
}

/** The step a visitor may open: one on their path up to where they got to, else where they got to. */
export function visibleStep(
  flow: Flow,
  answers: Answers,
  current: string,
  requested: string | null,
): string {
  const path = pathFor(flow, answers);
  const reached = path.indexOf(current);
  const asked = requested ? path.indexOf(requested) : -1;
  if (asked >= 0 && reached >= 0 && asked <= reached) return requested!;
  return reached >= 0 ? current : (path[0] ?? current);
}
