/**
 * Sends one analytics event from an island to POST /api/events (the same endpoint as the
 * inline beacon), with sendBeacon or fetch keepalive. Failures are ignored: analytics must
 * never break the page.
 */
export function sendEvent(event: {
  type: 'roi_computed' | 'cta_clicked' | 'page_view';
  props?: Record<string, unknown>;
}): void {
  try {
    const body = JSON.stringify({
      events: [{ ...event, url: location.pathname, referrer: document.referrer, at: Date.now() }],
    });
    if (!(navigator.sendBeacon && navigator.sendBeacon('/api/events', body))) {
      void fetch('/api/events', { method: 'POST', body, keepalive: true }).catch(() => undefined);
    }
  } catch {
    // ignore
  }
}
