import type { BenchmarkDefault } from '../../lib/content/roi-schemas';
import type { Field } from '../../lib/roi/fields';
import { SourceNote } from './SourceNote';

const UNIT_TEXT: Record<string, { prefix?: string; suffix?: string }> = {
  currency: { prefix: '$' },
  percent: { suffix: '%' },
  minutes: { suffix: 'min' },
  months: { suffix: 'months' },
  years: { suffix: 'years' },
};

interface Props {
  fields: readonly Field[];
  text: Record<string, string>;
  issues: Record<string, string>;
  benchmarks: Record<string, BenchmarkDefault>;
  onChange: (key: string, value: string) => void;
  onReset: () => void;
  path: string;
  isHydrated: boolean;
}

function groupsOf(fields: readonly Field[]): [string, Field[]][] {
  const groups = new Map<string, Field[]>();
  for (const f of fields) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  return [...groups.entries()];
}

function inputId(key: string): string {
  return `roi-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

function FieldControl({ field, props }: { field: Field; props: Props }) {
  const id = inputId(field.key);
  const error = props.issues[field.key];
  const describedBy = [
    `${id}-source`,
    field.kind !== 'toggle' && field.hint ? `${id}-hint` : null,
    error ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const value = props.text[field.key] ?? '';
  const errorText = error ? (
    <span className="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;

  if (field.kind === 'toggle') {
    return (
      <div className="field toggle-field">
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            name={field.key}
            value="1"
            checked={value === '1'}
            aria-describedby={describedBy}
            onChange={(e) => props.onChange(field.key, e.currentTarget.checked ? '1' : '0')}
          />{' '}
          {field.label}
        </label>
        <SourceNote field={field} benchmark={props.benchmarks[field.key]} id={`${id}-source`} />
        {errorText}
      </div>
    );
  }
  const hint = field.hint ? (
    <span className="hint" id={`${id}-hint`}>
      {field.hint}
    </span>
  ) : null;
  if (field.kind === 'choice') {
    return (
      <div className="field">
        <label htmlFor={id}>{field.label}</label>
        {hint}
        <select
          id={id}
          name={field.key}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(field.key, e.currentTarget.value)}
        >
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <SourceNote field={field} benchmark={props.benchmarks[field.key]} id={`${id}-source`} />
        {errorText}
      </div>
    );
  }
  const unit = UNIT_TEXT[field.unit] ?? {};
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.symbol ? <span className="symbol"> ({field.symbol})</span> : null}
      </label>
      {hint}
      <div className="unit-input">
        {unit.prefix && <span aria-hidden="true">{unit.prefix}</span>}
        <input
          id={id}
          name={field.key}
          type="text"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(field.key, e.currentTarget.value)}
        />
        {unit.suffix && <span aria-hidden="true">{unit.suffix}</span>}
      </div>
      <SourceNote field={field} benchmark={props.benchmarks[field.key]} id={`${id}-source`} />
      {errorText}
    </div>
  );
}

/**
 * The inputs, grouped, each with its unit, default and sources. It is a real GET form: without
 * JavaScript, "Update results" reloads the page with the numbers in the address and the server
 * computes the same results.
 */
export function InputForm(props: Props) {
  const count = Object.keys(props.issues).length;
  return (
    <form
      className="roi-form"
      method="get"
      action={props.path}
      noValidate
      aria-label="Inputs"
      onSubmit={(e) => {
        if (props.isHydrated) e.preventDefault();
      }}
    >
      <input type="hidden" name="form" value="1" />
      {count > 0 && (
        <div className="alert error" role="alert">
          {count === 1 ? 'One input needs attention' : `${count} inputs need attention`}; the
          results show the last valid numbers.
        </div>
      )}
      {groupsOf(props.fields).map(([group, fields]) => (
        <fieldset key={group} className="roi-group">
          <legend>{group}</legend>
          {fields.map((f) => (
            <FieldControl key={f.key} field={f} props={props} />
          ))}
        </fieldset>
      ))}
      <div className="cluster">
        {props.isHydrated ? (
          <span className="muted">Results update as you type.</span>
        ) : (
          <button className="button" type="submit">
            Update results
          </button>
        )}
        <a
          className="button secondary"
          href={props.path}
          onClick={(e) => {
            if (!props.isHydrated) return;
            e.preventDefault();
            props.onReset();
          }}
        >
          Reset to defaults
        </a>
      </div>
    </form>
  );
}
