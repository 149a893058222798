/**
 * Who holds a delivery claim, and whether that holder is certainly gone.
 *
 * A claim is stamped with its runner's owner id, `host|pid|uuid` (host = host name plus, on Linux,
 * the pid namespace, so two containers never look like one host). When a row is found claimed or
 * sending, the next run asks whether its owner is dead:
 * - same host, same pid as us but another uuid: that process is gone (we have its pid now), unless
 *   the uuid is another runner alive in this very process;
 * - same host, other pid: dead when the pid no longer exists (`kill(pid, 0)` gives ESRCH);
 * - another host: unknown, so only the staleness timeout applies.
 * A dead owner's rows are recovered at once; that is what makes "a crash is handled at the next
 * start" true without waiting out a timeout.
 */
import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** Owner ids of runners alive in this process. */
const alive = new Set<string>();

function hostKey(): string {
  let ns = '';
  try {
    ns = readlinkSync('/proc/self/ns/pid');
  } catch {
    // not Linux: the host name alone
  }
  return `${hostname()}${ns ? `#${ns}` : ''}`;
}

function parse(id: string): { host: string; pid: number; uuid: string } | null {
  const parts = id.split('|');
  if (parts.length < 3) return null;
  const uuid = parts.pop() as string;
  const pid = Number(parts.pop());
  return Number.isInteger(pid) && pid > 0 ? { host: parts.join('|'), pid, uuid } : null;
}

/** A runner's identity in the ledger. */
export class Owner {
  readonly id: string;
  private readonly host = hostKey();

  constructor() {
    this.id = `${this.host}|${process.pid}|${randomUUID()}`;
    alive.add(this.id);
  }

  /** This runner will write no more (its process is stopping, or a test simulates its death). */
  retire(): void {
    alive.delete(this.id);
  }

  /** True only when the owner of a claim certainly no longer runs. */
  isDead(other: string | null): boolean {
    if (!other || other === this.id) return false;
    const o = parse(other);
    if (!o || o.host !== this.host) return false;
    if (o.pid === process.pid) return !alive.has(other);
    try {
      process.kill(o.pid, 0);
      return false; // alive (or the pid was reused: the timeout decides)
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
}
