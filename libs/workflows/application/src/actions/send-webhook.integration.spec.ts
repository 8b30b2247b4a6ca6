import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from './workflow-action';
import { ActionFailure } from './action-failure';
import { SendWebhookAction } from './send-webhook.action';
import { WebhookAddressPolicy } from './webhook-address-guard';
import { newWebhookSecret } from './webhook-secrets';

/** The webhook action against real HTTP servers on this machine's loopback addresses. */
describe('send_webhook: where it may connect', () => {
  const hits: Array<{ server: string; path: string; signature: string; body: string }> = [];
  const servers: Server[] = [];
  let v4Port = 0;
  let redirectPort = 0;
  let otherLoopbackPort = 0;
  let dualStack = true;

  const listen = async (host: string, name: string, answer: (request: IncomingMessage) => { status: number; location?: string }) => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        hits.push({ server: name, path: request.url ?? '', signature: String(request.headers['x-qa-signature']), body });
        const { status, location } = answer(request);
        response.writeHead(status, location ? { location } : {}).end('ok');
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };

  beforeAll(async () => {
    // One server on every loopback spelling: dual-stack when the machine has IPv6.
    try {
      v4Port = await listen('::', 'target', () => ({ status: 200 }));
    } catch {
      dualStack = false;
      v4Port = await listen('127.0.0.1', 'target', () => ({ status: 200 }));
    }
    otherLoopbackPort = await listen('127.0.0.2', 'other-loopback', () => ({ status: 200 }));
    redirectPort = await listen('127.0.0.1', 'redirector', (request) => ({ status: 302, location: `http://127.0.0.2:${otherLoopbackPort}${request.url}` }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const secret = newWebhookSecret();
  const ctx = (): ActionContext =>
    ({
      run: { id: 'run-1', workflowId: 'wf-1' },
      step: {},
      record: { number: 'Q-2026-0001' },
      templateContext: { event: { name: 'quotes.quote.signed.v1' } },
      sourceKey: 'delivery-1',
      render: (t: unknown) => String(t ?? ''),
    }) as unknown as ActionContext;
  const send = (allowedNetworks: string[], url: string) => new SendWebhookAction({ allowedNetworks }).execute({ url, secret }, ctx());
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ActionFailure);
    return (error as Error).message;
  };

  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${v4Port}/hook`],
    ['127.1', () => `http://127.1:${v4Port}/hook`],
    ['hexadecimal 0x7f000001', () => `http://0x7f000001:${v4Port}/hook`],
    ['decimal 2130706433', () => `http://2130706433:${v4Port}/hook`],
    ['octal 017700000001', () => `http://017700000001:${v4Port}/hook`],
    ['0.0.0.0', () => `http://0.0.0.0:${v4Port}/hook`],
    ['0', () => `http://0:${v4Port}/hook`],
    ['localhost (a name resolving to loopback)', () => `http://localhost:${v4Port}/hook`],
    ['localhost. (trailing dot)', () => `http://localhost.:${v4Port}/hook`],
    ['LOCALHOST', () => `http://LOCALHOST:${v4Port}/hook`],
    ['[::1]', () => `http://[::1]:${v4Port}/hook`],
    ['[::ffff:127.0.0.1] (IPv4-mapped)', () => `http://[::ffff:127.0.0.1]:${v4Port}/hook`],
    ['[::ffff:7f00:1] (IPv4-mapped, hex)', () => `http://[::ffff:7f00:1]:${v4Port}/hook`],
    ['[::127.0.0.1] (IPv4-compatible)', () => `http://[::127.0.0.1]:${v4Port}/hook`],
    ['[::] (unspecified)', () => `http://[::]:${v4Port}/hook`],
    ['user info before the host', () => `http://example.com@127.0.0.1:${v4Port}/hook`],
  ])('does not call a server on this machine by default: %s', async (name, url) => {
    const before = hits.length;
    const message = await failure(send([], url()));
    // A name is refused once resolved; `localhost.` does not resolve at all on some machines.
    expect(message).toMatch(name.startsWith('localhost.') ? /WEBHOOK\.ADDRESS_NOT_ALLOWED|ENOTFOUND/ : /WEBHOOK\.ADDRESS_NOT_ALLOWED/);
    expect(hits.length).toBe(before);
  });

  it('calls the server once its network is allowed, signing the body with the secret', async () => {
    const before = hits.length;
    await expect(send(['127.0.0.0/8'], `http://127.0.0.1:${v4Port}/allowed`)).resolves.toEqual({ output: { status: 200 } });
    await expect(send(['127.0.0.1/32', '::1/128'], `http://localhost:${v4Port}/by-name`)).resolves.toEqual({ output: { status: 200 } });
    const hit = hits.slice(before).find((h) => h.path === '/allowed')!;
    expect(hit.signature).toBe(`sha256=${createHmac('sha256', secret).update(hit.body).digest('hex')}`);
    expect(JSON.parse(hit.body)).toMatchObject({ deliveryId: 'delivery-1', workflowId: 'wf-1', record: { number: 'Q-2026-0001' } });
    if (dualStack) await expect(send(['127.0.0.0/8'], `http://[::ffff:127.0.0.1]:${v4Port}/mapped`)).resolves.toEqual({ output: { status: 200 } });
  });

  it('allows only the allowed network: another loopback address stays refused', async () => {
    const before = hits.length;
    expect(await failure(send(['127.0.0.1/32'], `http://127.0.0.2:${otherLoopbackPort}/hook`))).toContain('WEBHOOK.ADDRESS_NOT_ALLOWED');
    expect(hits.length).toBe(before);
  });

  it('does not follow a redirect, to a refused address or any other: the 3xx is the failure', async () => {
    const before = hits.length;
    expect(await failure(send(['127.0.0.1/32'], `http://127.0.0.1:${redirectPort}/hook`))).toMatch(/WEBHOOK\.REDIRECT_NOT_FOLLOWED: .* answered 302/);
    expect(await failure(send(['127.0.0.0/8'], `http://127.0.0.1:${redirectPort}/hook`))).toMatch(/WEBHOOK\.REDIRECT_NOT_FOLLOWED/);
    expect(hits.slice(before).map((h) => h.server)).toEqual(['redirector', 'redirector']);
  });

  it('refuses to send without a signing secret of full strength', async () => {
    for (const weak of [undefined, '', 's3cret']) {
      const before = hits.length;
      const message = await failure(new SendWebhookAction({ allowedNetworks: ['127.0.0.0/8'] }).execute({ url: `http://127.0.0.1:${v4Port}/hook`, secret: weak }, ctx()));
      expect(message).toContain('WEBHOOK.NO_SECRET');
      expect(hits.length).toBe(before);
    }
  });
});

describe('WebhookAddressPolicy', () => {
  const policy = new WebhookAddressPolicy();

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['169.254.1.1', 'a link-local address'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fd12:3456::1', 'a private (unique local) address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
    ['::ffff:0:a9fe:a9fe', 'a cloud metadata address'],
    ['::127.0.0.1', 'a loopback address'],
    ['64:ff9b::7f00:1', 'a loopback address'],
    ['2002:a9fe:a9fe::1', 'a cloud metadata address'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'a private address'],
  ])('refuses %s: %s', (address, reason) => {
    expect(policy.refusal(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::200e'])('allows the public address %s', (address) => {
    expect(policy.refusal(address)).toBeNull();
  });

  it('allows refused addresses only inside a configured network, IPv4-mapped forms included', () => {
    const allowing = new WebhookAddressPolicy(['10.20.0.0/16', 'fd12::/16']);
    expect([allowing.refusal('10.20.3.4'), allowing.refusal('::ffff:10.20.3.4'), allowing.refusal('fd12:1::1')]).toEqual([null, null, null]);
    expect([allowing.refusal('10.21.0.1'), allowing.refusal('127.0.0.1'), allowing.refusal('fd13::1')]).toEqual(['a private address', 'a loopback address', 'a private (unique local) address']);
  });
});
