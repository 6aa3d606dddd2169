import { useState } from 'react';
import { describeError, trpc } from './trpc';
import { useHydrated } from './use-hydrated';

interface Props {
  scenarioId: string;
  share: { url: string; createdAt: string } | null;
  path: string;
}

/**
 * Create, copy and revoke the scenario's read-only link. Without JavaScript the buttons are
 * plain form posts the page handles; with it they call tRPC and update in place.
 */
export default function SharePanel({ scenarioId, share: initial, path }: Props) {
  const [share, setShare] = useState(initial);
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const isHydrated = useHydrated();

  async function act(intent: 'share' | 'revoke') {
    setBusy(true);
    setError(undefined);
    try {
      if (intent === 'share') {
        const result = await trpc.roi.shareScenario.mutate({ id: scenarioId });
        setShare({ url: result.url, createdAt: result.createdAt });
        setStatus('Read-only link created. Anyone with it can view this scenario, not change it.');
      } else {
        await trpc.roi.revokeShare.mutate({ id: scenarioId });
        setShare(null);
        setStatus('Link revoked. It no longer opens the scenario.');
      }
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!share) return;
    try {
      await navigator.clipboard.writeText(share.url);
      setStatus('Link copied.');
    } catch {
      setStatus('Select the link and copy it.');
    }
  }

  return (
    <section className="card share" aria-labelledby="share-title">
      <h2 id="share-title">Share a read-only link</h2>
      <form
        method="post"
        action={path}
        onSubmit={(e) => {
          if (!isHydrated) return;
          e.preventDefault();
          void act(share ? 'revoke' : 'share');
        }}
      >
        <input type="hidden" name="intent" value={share ? 'revoke' : 'share'} />
        {share ? (
          <div className="stack">
            <div className="field">
              <label htmlFor="share-url">Anyone with this link can view the scenario</label>
              <input
                id="share-url"
                type="text"
                readOnly
                value={share.url}
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
            <div className="cluster">
              <button
                type="button"
                className="button secondary"
                onClick={copy}
                disabled={!isHydrated}
              >
                Copy link
              </button>
              <a className="button secondary" href={share.url} target="_blank" rel="noopener">
                Open link
              </a>
              <button type="submit" className="button danger" disabled={isBusy}>
                Revoke link
              </button>
            </div>
          </div>
        ) : (
          <div className="stack">
            <p>
              Nobody else can see this scenario. A link lets people without an account read it, not
              change it.
            </p>
            <button type="submit" className="button" disabled={isBusy}>
              Create read-only link
            </button>
          </div>
        )}
      </form>
      <p role="status" className="muted small">
        {status}
      </p>
      {error && (
        <p role="alert" className="alert error">
          {error}
        </p>
      )}
    </section>
  );
}
