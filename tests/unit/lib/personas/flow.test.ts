import { describe, expect, it } from 'vitest';
import { flowFieldSchema, flowSchema, type Flow } from '../../../../src/lib/content/flow-schemas';
import {
  fieldSchema,
  normalizeDomain,
  stepSchema,
  answerLabel,
} from '../../../../src/lib/personas/fields';
import { answersOnPath, nextStepId, pathFor, visibleStep } from '../../../../src/lib/personas/flow';

const contact = [
  { name: 'name', label: 'Your name', type: 'text' },
  { name: 'email', label: 'Work e-mail', type: 'email' },
  { name: 'company', label: 'Company', type: 'text' },
  { name: 'companyDomain', label: 'Company website', type: 'domain' },
];
const FLOW: Flow = flowSchema.parse({
  id: 'test',
  persona: 'contact-center',
  title: 'Test flow',
  intro: 'A flow used by the tests, with one optional branch in it.',
  estimatedMinutes: 2,
  submitLabel: 'Send',
  steps: [
    {
      id: 'operation',
      title: 'Operation',
      fields: [
        {
          name: 'kind',
          label: 'Kind',
          type: 'radio',
          options: [
            { value: 'in-house', label: 'In-house' },
            { value: 'bpo', label: 'BPO' },
          ],
        },
        { name: 'seats', label: 'Seats', type: 'number', min: 5, max: 100000, unit: 'seats' },
      ],
      branches: [{ when: { field: 'kind', equals: 'in-house' }, goto: 'contact' }],
    },
    {
      id: 'clients',
      title: 'Clients',
      fields: [{ name: 'programs', label: 'Programmes', type: 'number', min: 1, max: 100 }],
    },
    { id: 'contact', title: 'Contact', fields: contact },
  ],
  confirmation: {
    title: 'Thank you',
    body: 'We will be in touch within one working day.',
    nextSteps: ['Read the solutions page.'],
  },
});

describe('field validation', () => {
  const field = (def: object) => fieldSchema(flowFieldSchema.parse(def));
  it.each<[string, object, unknown, unknown]>([
    [
      'required text, missing',
      { name: 'a', label: 'Your name', type: 'text' },
      '   ',
      'Your name is required.',
    ],
    ['text is trimmed', { name: 'a', label: 'Name', type: 'text' }, '  Ada  ', 'Ada'],
    [
      'text too long',
      { name: 'a', label: 'Name', type: 'text', maxLength: 3 },
      'Adam',
      'Keep name under 3 characters.',
    ],
    [
      'optional text left empty',
      { name: 'a', label: 'Title', type: 'text', required: false },
      '',
      undefined,
    ],
    [
      'e-mail lower-cased',
      { name: 'e', label: 'E-mail', type: 'email' },
      ' Ada@Example.COM ',
      'ada@example.com',
    ],
    [
      'e-mail invalid',
      { name: 'e', label: 'E-mail', type: 'email' },
      'ada@',
      'Enter an e-mail address like name@company.com.',
    ],
    [
      'domain from a URL',
      { name: 'd', label: 'Website', type: 'domain' },
      'https://www.Acme.co.uk/about?x',
      'acme.co.uk',
    ],
    [
      'domain invalid',
      { name: 'd', label: 'Website', type: 'domain' },
      'not a domain',
      'Enter the company website, like acme.com.',
    ],
    [
      'number with separators',
      { name: 'n', label: 'Seats', type: 'number', min: 5, max: 100000 },
      '1,200',
      1200,
    ],
    [
      'number out of range',
      { name: 'n', label: 'Seats', type: 'number', min: 5, max: 100000 },
      '4',
      'Enter a number from 5 to 100,000.',
    ],
    [
      'number not a number',
      { name: 'n', label: 'Seats', type: 'number', min: 5, max: 100 },
      'ten',
      'Seats must be a number.',
    ],
    [
      'number must be whole',
      { name: 'n', label: 'Seats', type: 'number', min: 5, max: 100 },
      '10.5',
      'Seats must be a whole number.',
    ],
    [
      'decimal allowed',
      { name: 'n', label: 'Rate', type: 'number', min: 0, max: 200, integer: false },
      '37.5',
      37.5,
    ],
    [
      'radio outside the options',
      {
        name: 'r',
        label: 'Kind',
        type: 'radio',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      'c',
      'Choose one of the options.',
    ],
    [
      'select missing',
      {
        name: 's',
        label: 'Platform',
        type: 'select',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      '',
      'Platform is required.',
    ],
    [
      'checkboxes, one value',
      {
        name: 'c',
        label: 'Langs',
        type: 'checkboxes',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      'a',
      ['a'],
    ],
    [
      'checkboxes, duplicates folded',
      {
        name: 'c',
        label: 'Langs',
        type: 'checkboxes',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      ['a', 'b', 'a'],
      ['a', 'b'],
    ],
    [
      'checkboxes, none chosen',
      {
        name: 'c',
        label: 'Langs',
        type: 'checkboxes',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      undefined,
      'Choose at least one.',
    ],
    [
      'checkboxes, forged value',
      {
        name: 'c',
        label: 'Langs',
        type: 'checkboxes',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      ['a', 'zzz'],
      'Choose from the options shown.',
    ],
    ['tel', { name: 't', label: 'Phone', type: 'tel' }, '+44 20 7946 0000', '+44 20 7946 0000'],
    [
      'tel invalid',
      { name: 't', label: 'Phone', type: 'tel' },
      'call me',
      'Enter a phone number like +44 20 7946 0000.',
    ],
  ])('%s', (_name, def, input, expected) => {
    const result = field(def).safeParse(input);
    if (result.success) expect(result.data).toEqual(expected);
    else expect(result.error.issues[0]?.message).toBe(expected);
  });

  it('keeps HTML typed into a field as typed (it is escaped on output, not here)', () => {
    const schema = stepSchema(FLOW.steps[2]!);
    const parsed = schema.parse({
      name: '<script>alert(1)</script>',
      email: 'a@b.test',
      company: 'A & B',
      companyDomain: 'b.test',
    });
    expect(parsed.name).toBe('<script>alert(1)</script>');
  });

  it('reports every invalid field of a step by name', () => {
    const result = stepSchema(FLOW.steps[2]!).safeParse({ name: '', email: 'x', company: 'C' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'companyDomain',
      'email',
      'name',
    ]);
  });

  it('labels stored answers for people', () => {
    expect(answerLabel(FLOW.steps[0]!.fields[1]!, 1200)).toBe('1,200 seats');
    expect(answerLabel(FLOW.steps[0]!.fields[0]!, 'bpo')).toBe('BPO');
    expect(answerLabel(FLOW.steps[0]!.fields[0]!, undefined)).toBe('—');
    expect(normalizeDomain('HTTP://WWW.Example.com:8080/a')).toBe('example.com');
  });
});

describe('branching', () => {
  it('follows the first matching branch, else the next step', () => {
    expect(nextStepId(FLOW, 'operation', { kind: 'in-house', seats: 10 })).toBe('contact');
    expect(nextStepId(FLOW, 'operation', { kind: 'bpo', seats: 10 })).toBe('clients');
    expect(nextStepId(FLOW, 'contact', {})).toBeNull();
  });

  it('computes the path for the answers so far (unanswered conditions take the default)', () => {
    expect(pathFor(FLOW, {})).toEqual(['operation', 'clients', 'contact']);
    expect(pathFor(FLOW, { kind: 'in-house' })).toEqual(['operation', 'contact']);
  });

  it('drops answers of steps a later change skipped', () => {
    expect(answersOnPath(FLOW, { kind: 'in-house', seats: 10, programs: 4, name: 'A' })).toEqual({
      kind: 'in-house',
      seats: 10,
      name: 'A',
    });
  });

  it('lets a visitor open earlier steps on their path, never later or skipped ones', () => {
    const answers = { kind: 'in-house', seats: 10 };
    expect(visibleStep(FLOW, answers, 'contact', 'operation')).toBe('operation');
    expect(visibleStep(FLOW, answers, 'contact', 'clients')).toBe('contact');
    expect(visibleStep(FLOW, {}, 'operation', 'contact')).toBe('operation');
    expect(visibleStep(FLOW, answers, 'contact', null)).toBe('contact');
  });
});

describe('flow content rules', () => {
  const valid = FLOW as unknown as Record<string, unknown>;
  const steps = FLOW.steps;
  it.each<[string, object, string]>([
    [
      'a backward branch',
      {
        steps: [
          { ...steps[0], branches: [] },
          {
            ...steps[1],
            branches: [{ when: { field: 'programs', atLeast: 2 }, goto: 'operation' }],
          },
          steps[2],
        ],
      },
      'is not a later step',
    ],
    [
      'a branch on a field asked later',
      {
        steps: [
          { ...steps[0], branches: [{ when: { field: 'programs', atLeast: 2 }, goto: 'contact' }] },
          steps[1],
          steps[2],
        ],
      },
      'is not asked in this step or an earlier one',
    ],
    [
      'no e-mail field',
      {
        steps: [
          steps[0],
          steps[1],
          { ...steps[2], fields: contact.filter((f) => f.name !== 'email') },
        ],
      },
      'must ask for "email"',
    ],
    [
      'a field asked twice',
      { steps: [steps[0], { ...steps[1], fields: [steps[0]!.fields[1]] }, steps[2]] },
      'is asked twice',
    ],
    [
      'a condition with two operators',
      {
        steps: [
          {
            ...steps[0],
            branches: [{ when: { field: 'kind', equals: 'bpo', oneOf: ['bpo'] }, goto: 'contact' }],
          },
          steps[1],
          steps[2],
        ],
      },
      'exactly one of',
    ],
  ])('refuses %s', (_name, change, message) => {
    const result = flowSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
