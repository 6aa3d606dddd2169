import { describe, expect, it } from 'vitest';
import {
  displayValue,
  parseFieldText,
  parseTextValues,
  type NumberField,
} from '../../../src/lib/roi/fields';
import { ATTRITION_FIELDS } from '../../../src/lib/roi/models/attrition';
import {
  marketSizingFields,
  SCENARIO_LABELS,
} from '../../../src/lib/roi/models/market-sizing-fields';
import { CURVES, SPEED_TO_LEAD_FIELDS } from '../../../src/lib/roi/models/speed-to-lead';

const agents = ATTRITION_FIELDS.find((f) => f.key === 'agents')!;
const attrition = ATTRITION_FIELDS.find((f) => f.key === 'currentAttritionRate')!;
const cost = ATTRITION_FIELDS.find((f) => f.key === 'replacementCost')!;

describe('what people type into number fields', () => {
  it.each<[NumberField, string, number | string]>([
    [agents, '250', 250],
    [agents, ' 1,250 ', 1250],
    [agents, '-3', 'Agents must be at least 1.'],
    [agents, '2.5', 'Agents must be a whole number.'],
    [agents, 'abc', 'Agents must be a number.'],
    [agents, 'NaN', 'Agents must be a number.'],
    [agents, 'Infinity', 'Agents must be a number.'],
    [agents, '0x10', 'Agents must be a number.'],
    [agents, '', 'Agents is required.'],
    [agents, '1e308', 'Agents must be at most 1,000,000.'],
    [attrition, '35', 0.35],
    [attrition, '35%', 0.35],
    [attrition, '150', 'Current attrition per year must be at most 100%.'],
    [attrition, '-1', 'Current attrition per year cannot be negative.'],
    [cost, '$10,000', 10_000],
    [cost, '1e308', 'Cost to replace one agent must be at most $10,000,000,000.'],
  ])('%s: "%s" → %s', (field, typed, expected) => {
    const result = parseFieldText(field, typed);
    if (typeof expected === 'number') expect(result.value).toBeCloseTo(expected, 12);
    else expect(result.error).toBe(expected);
  });

  it('parses a whole form and reports each bad field', () => {
    const { values, issues } = parseTextValues(ATTRITION_FIELDS, {
      agents: 'ten',
      currentAttritionRate: '35',
    });
    expect(values.currentAttritionRate).toBeCloseTo(0.35, 12);
    expect(issues[0]).toEqual({ path: 'agents', message: 'Agents must be a number.' });
    expect(issues.map((i) => i.path)).toContain('discountRate');
  });
});

describe('input values as people read them', () => {
  it('shows a choice by its option label, a toggle as used or left out, a number in its unit', () => {
    const fields = SPEED_TO_LEAD_FIELDS;
    const curve = fields.find((f) => f.key === 'curve')!;
    expect(displayValue(curve, 'mit-contact')).toBe(CURVES['mit-contact'].label);
    expect(displayValue(curve, 'unknown')).toBe('unknown');
    const scenario = marketSizingFields([]).find((f) => f.key === 'scenario')!;
    expect(displayValue(scenario, 'base')).toBe(SCENARIO_LABELS.base);
    const toggle = { kind: 'toggle', key: 'include.x', label: 'Use x', group: 'g' } as const;
    expect(displayValue(toggle, 1)).toBe('used');
    expect(displayValue(toggle, 0)).toBe('left out');
    expect(displayValue(attrition, 0.35)).toBe('35%');
  });
});
