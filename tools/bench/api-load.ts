// Load for the API benchmark: as fast as autocannon's connections go, or paced at an even rate.
import autocannon from 'autocannon';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ApiProcess } from './api-process';
import { percentile } from './stats';


export interface Measured {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statusCounts: Record<string, number>;
  errors: number;
  /** The first few answers that were not 2xx. */
  failures: string[];
  /** A paced run that stopped early: the API fell more than two seconds behind the rate. */
  saturated?: boolean;
}

export interface Load {
  path: () => string;
  method?: 'GET' | 'POST';
  body?: string;
  cookie: string;
  /** autocannon's connections (as fast as they go); unused by the paced load. */
  connections: number;
  seconds: number;
  /** Stop after this many requests (the approve run has one quote per request). */
  amount?: number;
}

export async function measure(api: ApiProcess, load: Load): Promise<Measured> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const failures: string[] = [];
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolveRun, reject) => (finish = (error, result) => (error ? reject(error) : resolveRun(result))));
  const instance = autocannon({
    url: api.url,
    connections: load.connections,
    duration: load.seconds,
    amount: load.amount,
    timeout: 30,
    requests: [
      {
        method: load.method ?? 'GET',
        headers: { cookie: load.cookie, ...(load.body ? { 'content-type': 'application/json' } : {}) },
        body: load.body,
        setupRequest: (request) => ({ ...request, path: load.path() }),
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  }, (error, result) => finish(error, result));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / (result.duration || load.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statusCounts,
    errors: result.errors + result.timeouts,
    failures,
  };
}

/**
 * An open-loop load at an even rate: request k is due at start + k / rate, whatever the answers
 * before it did, and its latency counts from when it was due (so a slow answer that holds up the
 * next requests shows in their latency too). autocannon's own rate limit is not used for this: it
 * lets each connection send its share of a second back to back at the start of that second, so
 * "100 requests/s" arrives as bursts of concurrent requests.
 */
export async function paced(api: ApiProcess, load: Load & { rate: number }): Promise<Measured> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(api.url);
  const total = load.amount ?? Math.round(load.rate * load.seconds);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const failures: string[] = [];
  let errors = 0;
  const send = (path: string) =>
    new Promise<{ status: number; body: string }>((resolveSend, reject) => {
      const request = httpRequest(
        { agent, host: target.hostname, port: target.port, method: load.method ?? 'GET', path, headers: { cookie: load.cookie, ...(load.body ? { 'content-type': 'application/json' } : {}) } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolveSend({ status: response.statusCode ?? 0, body }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
      request.end(load.body);
    });
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  let open = 0;
  let saturated = false;
  for (let k = 0; k < total; k++) {
    // More than two seconds' worth of requests unanswered: the API cannot keep up with this rate.
    // Stop sending (the latencies so far already say so) instead of queueing minutes of work.
    if (open > 2 * load.rate) {
      saturated = true;
      break;
    }
    const due = started + (k * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    open++;
    inFlight.push(
      send(load.path()).then(
        ({ status, body }) => {
          open--;
          latencies.push(performance.now() - due);
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${body.slice(0, 300)}`);
        },
        (error: Error) => {
          open--;
          errors++;
          if (failures.length < 5) failures.push(error.message);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statusCounts, errors, failures, saturated };
}
