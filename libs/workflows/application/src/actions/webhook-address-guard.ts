import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP, type Socket } from 'node:net';

/**
 * Where webhooks may go. By default only to public addresses: never to this machine, the private
 * network, link-local or cloud-metadata addresses. An operator allows a network they trust with
 * WEBHOOK_ALLOWED_NETWORKS (CIDR list); the worker provides this from its configuration.
 */
export abstract class WebhookSettings {
  abstract readonly allowedNetworks: readonly string[];
}

/** A webhook refused because of where it would connect to (code for the run history). */
export class WebhookAddressRefused extends Error {
  readonly code = 'WEBHOOK.ADDRESS_NOT_ALLOWED';

  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(`WEBHOOK.ADDRESS_NOT_ALLOWED: ${address} is ${reason}; webhooks reach only public addresses unless WEBHOOK_ALLOWED_NETWORKS allows its network`);
  }
}

type Bytes = number[];
interface Network {
  bytes: Bytes;
  bits: number;
}

function ipv4Bytes(address: string): Bytes | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** The 16 bytes of an IPv6 address (with `::`, an embedded dotted quad or a zone), or null. */
function ipv6Bytes(input: string): Bytes | null {
  let address = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(address) !== 6) return null;
  // A trailing dotted quad is two groups.
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    const v4 = ipv4Bytes(dotted[1]!);
    if (!v4) return null;
    address = address.slice(0, -dotted[1]!.length) + [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!].map((n) => n.toString(16)).join(':');
  }
  const [head = '', rest] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return null;
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

function network(cidr: string): Network {
  const [address = '', bits] = cidr.split('/');
  const bytes = isIP(address) === 4 ? ipv4Bytes(address) : ipv6Bytes(address);
  if (!bytes) throw new Error(`not a network: ${cidr}`);
  return { bytes, bits: bits === undefined ? bytes.length * 8 : Number(bits) };
}

function inNetwork(bytes: Bytes, net: Network): boolean {
  if (bytes.length !== net.bytes.length) return false;
  for (let bit = 0; bit < net.bits; bit += 8) {
    const span = Math.min(8, net.bits - bit);
    const mask = (0xff << (8 - span)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (net.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/** Special-purpose networks webhooks never reach by default, most specific first, with why. */
const REFUSED: Array<[Network, string]> = (
  [
    ['169.254.169.254/32', 'a cloud metadata address'],
    ['fd00:ec2::254/128', 'a cloud metadata address'],
    ['0.0.0.0/8', 'an unspecified ("this network") address'],
    ['127.0.0.0/8', 'a loopback address'],
    ['10.0.0.0/8', 'a private address'],
    ['172.16.0.0/12', 'a private address'],
    ['192.168.0.0/16', 'a private address'],
    ['100.64.0.0/10', 'a shared (carrier-grade NAT) address'],
    ['169.254.0.0/16', 'a link-local address'],
    ['192.0.0.0/24', 'an IETF protocol address'],
    ['198.18.0.0/15', 'a benchmarking address'],
    ['224.0.0.0/4', 'a multicast address'],
    ['240.0.0.0/4', 'a reserved address'],
    ['::/128', 'an unspecified address'],
    ['::1/128', 'a loopback address'],
    ['fc00::/7', 'a private (unique local) address'],
    ['fe80::/10', 'a link-local address'],
    ['fec0::/10', 'a site-local address'],
    ['ff00::/8', 'a multicast address'],
    ['100::/64', 'a discard address'],
    ['2001::/32', 'a Teredo tunnel address'],
  ] as const
).map(([cidr, reason]) => [network(cidr), reason]);

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(bytes: Bytes): Bytes | null {
  if (bytes.length !== 16) return null;
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12); // ::ffff:a.b.c.d
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return bytes.slice(12); // ::ffff:0:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16)) return bytes.slice(12); // ::a.b.c.d (deprecated "compatible")
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12); // 64:ff9b::a.b.c.d
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6); // 2002:aabb:ccdd::
  return null;
}

/**
 * Decides whether a webhook may connect to an address: public addresses always; refused ones
 * (loopback, private, link-local, unspecified, metadata, multicast, reserved, and IPv6 forms that
 * carry such an IPv4 address) only inside an allowed network.
 */
export class WebhookAddressPolicy {
  private readonly allowed: Network[];

  constructor(allowedNetworks: readonly string[] = []) {
    this.allowed = allowedNetworks.map(network);
  }

  /** Why the address is refused, or null when a webhook may connect to it. */
  refusal(address: string): string | null {
    const bytes = isIP(address) === 4 ? ipv4Bytes(address) : ipv6Bytes(address);
    if (!bytes) return 'not an IP address';
    const v4 = embeddedIpv4(bytes);
    if (this.allowed.some((net) => inNetwork(bytes, net) || (v4 !== null && inNetwork(v4, net)))) return null;
    const reason = REFUSED.find(([net]) => inNetwork(bytes, net))?.[1] ?? (v4 ? REFUSED.find(([net]) => inNetwork(v4, net))?.[1] : undefined);
    return reason ?? null;
  }

  /** Throws WebhookAddressRefused unless a webhook may connect to the address. */
  check(address: string): void {
    const reason = this.refusal(address);
    if (reason) throw new WebhookAddressRefused(address, reason);
  }

  /**
   * A `lookup` for http(s).request: resolves the name and refuses it when any address it resolves
   * to is refused, so what is checked is what is connected to (no DNS rebinding in between).
   */
  lookup() {
    return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, []);
        const refused = addresses.map((a) => ({ address: a.address, reason: this.refusal(a.address) })).find((a) => a.reason);
        if (refused) return callback(Object.assign(new WebhookAddressRefused(`${hostname} (${refused.address})`, refused.reason!), { code: 'WEBHOOK.ADDRESS_NOT_ALLOWED' }), []);
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if ((options as LookupAllOptions).all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
  }

  /** A last check on the socket itself once connected (whatever way the address was found). */
  guardSocket(socket: Socket): void {
    const verify = () => {
      const address = socket.remoteAddress;
      const reason = address ? this.refusal(address) : 'unknown';
      if (reason) socket.destroy(new WebhookAddressRefused(address ?? 'the peer', reason));
    };
    if (socket.remoteAddress) verify();
    else socket.once('connect', verify);
  }
}
