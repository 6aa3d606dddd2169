import { useState } from 'react';
import type { RoiModelId } from '../../lib/catalog';
import type { Field, InputValues } from '../../lib/roi/fields';
import { describeError, trpc } from './trpc';

interface Props {
  model: RoiModelId;
  fields: readonly Field[];
  text: Record<string, string>;
  values: InputValues | null;
  isSignedIn: boolean;
  isHydrated: boolean;
  path: string;
  /** The calculator's current address, so signing in brings the same numbers back. */
  returnTo: string;
  scenario?: { id: string; name: string; description: string | null } | undefined;
  initialName?: string | undefined;
  initialError?: string | undefined;
  onFieldErrors: (fields: Record<string, string>) => void;
}

/**
 * Saving needs an account. Signed in, the form saves through tRPC (or, without JavaScript, as
 * a plain form post the page handles) and opens the saved scenario, where it can be shared.
 */
export function SavePanel(props: Props) {
  const [name, setName] = useState(props.initialName ?? props.scenario?.name ?? '');
  const [error, setError] = useState<string | undefined>(props.initialError);
  const [isBusy, setBusy] = useState(false);

  if (!props.isSignedIn) {
    return (
      <section className="card save" aria-labelledby="save-title">
        <h2 id="save-title">Save and share</h2>
        <p>Sign in to save this scenario, compare it with others and share a read-only link.</p>
        <a className="button" href={`/login?next=${encodeURIComponent(props.returnTo)}`}>
          Sign in to save
        </a>
      </section>
    );
  }

  async function submit(intent: 'save' | 'update') {
    if (!props.values) {
      setError('Fix the highlighted inputs before saving.');
      return;
    }
    if (!name.trim()) {
      setError('Give the scenario a name.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { id } =
        intent === 'update' && props.scenario
          ? await trpc.roi.updateScenario.mutate({
              id: props.scenario.id,
              name,
              inputs: props.values,
            })
          : await trpc.roi.saveScenario.mutate({
              model: props.model,
              name,
              inputs: props.values,
            } as Parameters<typeof trpc.roi.saveScenario.mutate>[0]);
      window.location.assign(`/roi/scenarios/${id}?saved=1`);
    } catch (e) {
      const { message, fields } = describeError(e);
      setError(fields.name ?? message);
      props.onFieldErrors(fields);
      setBusy(false);
    }
  }

  return (
    <section className="card save" aria-labelledby="save-title">
      <h2 id="save-title">
        {props.scenario ? `Editing “${props.scenario.name}”` : 'Save this scenario'}
      </h2>
      <form
        method="post"
        action={props.path}
        className="form"
        noValidate
        onSubmit={(e) => {
          if (!props.isHydrated) return;
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          void submit(submitter?.value === 'update' ? 'update' : 'save');
        }}
      >
        {props.fields.map((f) => (
          <input key={f.key} type="hidden" name={f.key} value={props.text[f.key] ?? ''} />
        ))}
        {props.scenario && <input type="hidden" name="scenarioId" value={props.scenario.id} />}
        <div className="field">
          <label htmlFor="scenario-name">Name</label>
          <input
            id="scenario-name"
            name="name"
            type="text"
            maxLength={120}
            required
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'scenario-name-error' : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {error && (
            <span className="field-error" id="scenario-name-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="cluster">
          {props.scenario && (
            <button className="button" type="submit" name="intent" value="update" disabled={isBusy}>
              Save changes
            </button>
          )}
          <button
            className={props.scenario ? 'button secondary' : 'button'}
            type="submit"
            name="intent"
            value="save"
            disabled={isBusy}
          >
            {props.scenario ? 'Save as new scenario' : 'Save scenario'}
          </button>
          {isBusy && <span className="muted">Saving…</span>}
        </div>
      </form>
      <p className="muted small">
        <a href="/roi/scenarios">Your saved scenarios</a>
      </p>
    </section>
  );
}
