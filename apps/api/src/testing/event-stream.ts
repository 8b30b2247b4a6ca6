import type { IntegrationEvent } from '@qa/shared-kernel';

/**
 * Reads a text/event-stream over a real socket and collects the messages' event names. `headers`
 * is a cookie header string, or the headers to send (e.g. `{ authorization: 'Bearer …' }`).
 * `ended` is set (and `closed` resolves) when the server ends the stream.
 */
export async function openEventStream(url: string, headers: string | Record<string, string>) {
  const controller = new AbortController();
  const sent = typeof headers === 'string' ? { cookie: headers } : headers;
  const response = await fetch(url, { headers: { ...sent, accept: 'text/event-stream' }, signal: controller.signal });
  const received: Array<{ event: string; data: IntegrationEvent }> = [];
  const state = { ended: false };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const closed = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          state.ended = true;
          return;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data && event !== 'ping') received.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    received,
    closed,
    get ended() {
      return state.ended;
    },
    close: () => controller.abort(),
  };
}
