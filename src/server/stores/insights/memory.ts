import type { StorableRecord } from '../store.js';
import { dayOf, pointStart, withdrawalDelay, type ConsentInsightQueries, type FirstSeen, type InsightCounter, type InsightDimension } from './counters.js';

interface Visitor {
  grant: StorableRecord;
  withdrawal: StorableRecord | null;
}

export interface MemoryInsights extends ConsentInsightQueries {
  /** Call after a record is stored (not for a duplicate). */
  added(record: StorableRecord): void;
  /** Call after a record is erased or purged. */
  gone(record: StorableRecord): void;
}

type Contribution = [day: string, revision: number, dimension: InsightDimension, key: string, granted: number];

/** Earliest first; the same order as the SQL stores' (decision time, then eventId). */
const earlier = (a: StorableRecord, b: StorableRecord): number => a.timestamp.localeCompare(b.timestamp) || a.eventId.localeCompare(b.eventId);

/**
 * The insights' aggregates for the memory store: the same rules as the SQL triggers (see
 * ./sql.ts), so the three stores count alike. `recordsOf` gives a visitor's stored records.
 */
export function createMemoryInsights(recordsOf: (consentId: string) => StorableRecord[]): MemoryInsights {
  const counters = new Map<string, InsightCounter>();
  const refusable = new Set<string>();
  const visitors = new Map<string, Visitor>();

  const grants = (record: StorableRecord): boolean =>
    record.method === 'accept-all' || (record.method === 'custom' && Object.entries(record.categories).some(([id, granted]) => granted && refusable.has(id)));

  function count([day, revision, dimension, key, granted]: Contribution, sign: 1 | -1): void {
    const id = JSON.stringify([day, revision, dimension, key]);
    const counter = counters.get(id) ?? { day, revision, dimension, key, decisions: 0, granted: 0 };
    counter.decisions += sign;
    counter.granted += sign * granted;
    if (counter.decisions > 0) counters.set(id, counter);
    else counters.delete(id);
  }

  function recordContributions(record: StorableRecord): Contribution[] {
    const at = (dimension: InsightDimension, key: string, granted = 0): Contribution => [dayOf(record.timestamp), record.revision, dimension, key, granted];
    return [
      at('all', ''),
      at('method', record.method),
      at('layer', record.layer),
      at('language', record.language),
      at('text', record.textHash),
      ...Object.entries(record.categories).map(([id, granted]) => at('category', id, granted ? 1 : 0)),
      ...Object.entries(record.services ?? {}).map(([id, granted]) => at('service', id, granted ? 1 : 0)),
    ];
  }

  function visitorContributions(visitor: Visitor | undefined): Contribution[] {
    if (!visitor) return [];
    const { grant, withdrawal } = visitor;
    const counted: Contribution[] = [[dayOf(grant.timestamp), grant.revision, 'grant', '', 0]];
    if (withdrawal) {
      const delay = withdrawalDelay(Date.parse(withdrawal.timestamp) - Date.parse(grant.timestamp));
      counted.push([dayOf(withdrawal.timestamp), withdrawal.revision, 'withdrawal', delay, 0]);
    }
    return counted;
  }

  /** Works the visitor out again from the records they have, and moves their counters with it. */
  function refresh(consentId: string): void {
    for (const contribution of visitorContributions(visitors.get(consentId))) count(contribution, -1);
    const records = recordsOf(consentId).sort(earlier);
    const grant = records.find(grants);
    if (!grant) {
      visitors.delete(consentId);
      return;
    }
    const withdrawal = records.find((record) => record.method === 'withdraw' && record.timestamp >= grant.timestamp) ?? null;
    visitors.set(consentId, { grant, withdrawal });
    for (const contribution of visitorContributions(visitors.get(consentId))) count(contribution, 1);
  }

  /** Only these can be a grant or a withdrawal: a refusal leaves its visitor as they were (as the triggers do). */
  const mayMoveVisitor = (record: StorableRecord): boolean => record.method === 'accept-all' || record.method === 'custom' || record.method === 'withdraw';

  return {
    added(record) {
      for (const [id, granted] of Object.entries(record.categories)) if (!granted) refusable.add(id);
      for (const contribution of recordContributions(record)) count(contribution, 1);
      if (mayMoveVisitor(record)) refresh(record.consentId);
    },
    gone(record) {
      for (const contribution of recordContributions(record)) count(contribution, -1);
      if (mayMoveVisitor(record)) refresh(record.consentId);
    },
    async insightCounters({ from, to, points = 'day' }) {
      const summed = new Map<string, InsightCounter>();
      for (const counter of counters.values()) {
        if (counter.day < from || counter.day > to) continue;
        const day = pointStart(counter.day, points, from);
        const id = JSON.stringify([day, counter.revision, counter.dimension, counter.key]);
        const point = summed.get(id) ?? { ...counter, day, decisions: 0, granted: 0 };
        point.decisions += counter.decisions;
        point.granted += counter.granted;
        summed.set(id, point);
      }
      return [...summed.values()];
    },
    async insightFirstSeen() {
      const first = new Map<string, FirstSeen>();
      for (const counter of counters.values()) {
        const seen: FirstSeen | null =
          counter.dimension === 'all'
            ? { dimension: 'revision', key: String(counter.revision), day: counter.day }
            : counter.dimension === 'text'
              ? { dimension: 'text', key: counter.key, day: counter.day }
              : null;
        if (!seen) continue;
        const id = `${seen.dimension}:${seen.key}`;
        if (!first.has(id) || first.get(id)!.day > seen.day) first.set(id, seen);
      }
      return [...first.values()];
    },
  };
}
