/** In-memory rate limiting keyed by client address or conversation, and client address lookup. */
import { isIP } from 'node:net';
import { systemClock, type Clock } from '../kernel/clock.js';

export interface RateLimiterOptions {
  /** Burst size: requests allowed at once from a full bucket. */
  capacity: number;
  /** Sustained rate: tokens added back per second. */
  refillPerSecond: number;
  /**
   * Most keys tracked at once. Past it the least recently used key is forgotten, which at
   * worst gives that key a fresh bucket; memory stays bounded under a flood of new keys.
   */
  maxKeys?: number;
  clock?: Clock;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the request would be allowed; 0 when allowed. For `Retry-After`. */
  retryAfterSeconds: number;
  /** Whole tokens left after this request. */
  remaining: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const DEFAULT_MAX_KEYS = 10_000;

/** A token bucket per key. */
export class RateLimiter {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly maxKeys: number;
  private readonly clock: Clock;
  // Map keeps insertion order; re-inserting on use makes the first entry the least recently used.
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimiterOptions) {
    const { capacity, refillPerSecond, maxKeys = DEFAULT_MAX_KEYS, clock = systemClock } = options;
    if (!Number.isFinite(capacity) || capacity < 1) throw new RangeError('capacity must be at least 1');
    if (!Number.isFinite(refillPerSecond) || refillPerSecond <= 0) throw new RangeError('refillPerSecond must be positive');
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('maxKeys must be a positive integer');
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket, nowMs: number): number {
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    return Math.min(this.capacity, bucket.tokens + elapsedSeconds * this.refillPerSecond);
  }

  /** Spends `cost` tokens for `key` if it has them. */
  consume(key: string, cost = 1): RateDecision {
    if (!Number.isFinite(cost) || cost <= 0 || cost > this.capacity) {
      throw new RangeError('cost must be positive and at most the capacity');
    }
    const nowMs = this.clock.now().getTime();
    const existing = this.buckets.get(key);
    const tokens = existing ? this.refilled(existing, nowMs) : this.capacity;
    if (existing) this.buckets.delete(key);
    const allowed = tokens >= cost;
    const left = allowed ? tokens - cost : tokens;
    this.buckets.set(key, { tokens: left, updatedMs: nowMs });
    this.evictOverflow();
    if (allowed) return { allowed, retryAfterSeconds: 0, remaining: Math.floor(left) };
    const waitSeconds = (cost - tokens) / this.refillPerSecond;
    return { allowed, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)), remaining: Math.floor(left) };
  }

  /** Forgets a key, e.g. when its conversation ends. */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  /**
   * Drops keys whose buckets have refilled completely: forgetting them changes nothing,
   * since an unknown key starts full. Call it from a timer to return memory after bursts.
   */
  sweep(): number {
    const nowMs = this.clock.now().getTime();
    let removed = 0;
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, nowMs) >= this.capacity) {
        this.buckets.delete(key);
        removed++;
      }
    }
    return removed;
  }

  private evictOverflow(): void {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
  }
}

// ---------------------------------------------------------------------------
// Client address

export interface RequestLike {
  headers: Record<string, string | readonly string[] | undefined>;
  socket?: { remoteAddress?: string | undefined } | null;
}

/** What clientAddress returns when the socket has no address (it has closed). */
export const UNKNOWN_ADDRESS = 'unknown';

function normalizeAddress(value: string): string | null {
  let s = value.trim();
  if (s.startsWith('[')) {
    // "[2001:db8::1]:443"
    const end = s.indexOf(']');
    s = end > 0 ? s.slice(1, end) : s;
  } else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(s)) {
    s = s.slice(0, s.lastIndexOf(':'));
  }
  const lower = s.toLowerCase();
  const mapped = lower.startsWith('::ffff:') ? lower.slice(7) : lower;
  if (isIP(mapped) === 4) return mapped;
  if (isIP(lower) === 6) return lower;
  return null;
}

function forwardedFor(headers: RequestLike['headers']): string[] {
  const raw = headers['x-forwarded-for'];
  const joined = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join(',') : '';
  return joined
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The address to rate-limit a request by.
 *
 * `trustProxy` false: the socket peer, whatever the headers say, because anyone can send
 * X-Forwarded-For. `true`: every proxy is trusted, so the left-most forwarded address.
 * A number n: exactly n proxies sit in front of the server; the address n hops back is the
 * client, and anything further left may have been written by the client itself.
 */
export function clientAddress(req: RequestLike, trustProxy: boolean | number): string {
  const socketAddress = req.socket?.remoteAddress ? normalizeAddress(req.socket.remoteAddress) : null;
  const peer = socketAddress ?? UNKNOWN_ADDRESS;
  const hops = trustProxy === true ? Number.POSITIVE_INFINITY : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops === 0) return peer;
  // Nearest first: the socket peer, then the entries each proxy appended, right to left.
  const chain = forwardedFor(req.headers).reverse();
  let chosen = peer;
  for (let i = 0; i < chain.length && i < hops; i++) {
    const address = normalizeAddress(chain[i]);
    // A malformed entry ends the trusted chain; keep the last good address.
    if (address === null) break;
    chosen = address;
  }
  return chosen;
}
