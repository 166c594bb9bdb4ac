import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** What the receiver needs to know about who asked and under which name. */
export interface RequestFacts {
  /** The visitor's address: the socket's, or with trustProxy the one the proxy saw. */
  clientAddress: string;
  /** Only true when every hop is on this machine: the socket, and the address a trusted proxy forwarded. */
  loopbackClient: boolean;
  /** The host name the client asked for (Host, or X-Forwarded-Host behind a trusted proxy), lower-cased. */
  host: string;
  /** https directly, or X-Forwarded-Proto https behind a trusted proxy. */
  secure: boolean;
  /** The origin the client addressed, e.g. `https://shop.example`. */
  origin: string;
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function isLoopbackHost(host: string): boolean {
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_HOSTNAMES.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The first of a comma-separated list, as a proxy chain writes X-Forwarded-Host and -Proto. */
const first = (value: string | undefined): string | undefined => value?.split(',')[0]?.trim() || undefined;

export function requestFacts(req: IncomingMessage, trustProxy: boolean): RequestFacts {
  const socketAddress = req.socket.remoteAddress ?? '';
  // The last X-Forwarded-For entry is the one our own proxy appended; earlier ones come from the client.
  const forwardedFor = trustProxy ? header(req, 'x-forwarded-for')?.split(',').at(-1)?.trim() || undefined : undefined;
  const clientAddress = forwardedFor ?? socketAddress;
  const host = ((trustProxy ? first(header(req, 'x-forwarded-host')) : undefined) ?? header(req, 'host') ?? '').toLowerCase();
  const forwardedProto = trustProxy ? first(header(req, 'x-forwarded-proto'))?.toLowerCase() : undefined;
  const secure = forwardedProto ? forwardedProto === 'https' : Boolean((req.socket as Partial<TLSSocket>).encrypted);
  return {
    clientAddress,
    loopbackClient: isLoopbackAddress(socketAddress) && isLoopbackAddress(clientAddress),
    host,
    secure,
    origin: `${secure ? 'https' : 'http'}://${host}`,
  };
}
