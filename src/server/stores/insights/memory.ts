import type { ConsentRecord } from '../../../core/delivery/record.js';
import { servicesOf } from '../rows.js';
import { dayOf, withdrawalDelay, type ConsentInsightQueries, type FirstSeen, type InsightCounter, type InsightDimension } from './counters.js';

interface Visitor {
  grantedEvent: string | null;
  grantedAt: string | null;
  withdrawnEvent: string | null;
  withdrawnDelay: string | null;
}

export interface MemoryInsights extends ConsentInsightQueries {
  /** Call after a record is stored (not for a duplicate). */
  added(record: ConsentRecord): void;
  /** Call after a record is erased or purged. */
  gone(record: ConsentRecord): void;
}

/**
 * The insights' aggregates for the memory store: the same rules as the SQL triggers (see
 * ./sql.ts), in the same order, so the three stores count alike.
 */
export function createMemoryInsights(): MemoryInsights {
  const counters = new Map<string, InsightCounter>();
  const refusable = new Set<string>();
  const visitors = new Map<string, Visitor>();

  const grants = (record: ConsentRecord): boolean =>
    record.method === 'accept-all' ||
    (record.method === 'custom' && Object.entries(record.categories).some(([id, granted]) => granted && refusable.has(id)));

  function contributions(record: ConsentRecord): [InsightDimension, string, number][] {
    const visitor = visitors.get(record.consentId);
    return [
      ['all', '', 0],
      ['method', record.method, 0],
      ['layer', record.layer, 0],
      ['language', record.language, 0],
      ['text', record.textHash, 0],
      ...Object.entries(record.categories).map(([id, granted]): [InsightDimension, string, number] => ['category', id, granted ? 1 : 0]),
      ...Object.entries(servicesOf(record) ?? {}).map(([id, granted]): [InsightDimension, string, number] => ['service', id, granted ? 1 : 0]),
      ...(visitor?.grantedEvent === record.eventId ? [['grant', '', 0] as [InsightDimension, string, number]] : []),
      ...(visitor?.withdrawnEvent === record.eventId ? [['withdrawal', visitor.withdrawnDelay!, 0] as [InsightDimension, string, number]] : []),
    ];
  }

  function count(record: ConsentRecord, sign: 1 | -1): void {
    const day = dayOf(record.timestamp);
    for (const [dimension, key, granted] of contributions(record)) {
      const id = JSON.stringify([day, record.revision, dimension, key]);
      const counter = counters.get(id) ?? { day, revision: record.revision, dimension, key, decisions: 0, granted: 0 };
      counter.decisions += sign;
      counter.granted += sign * granted;
      if (counter.decisions > 0) counters.set(id, counter);
      else counters.delete(id);
    }
  }

  return {
    added(record) {
      for (const [id, granted] of Object.entries(record.categories)) if (!granted) refusable.add(id);
      if (grants(record) && !visitors.has(record.consentId)) {
        visitors.set(record.consentId, { grantedEvent: record.eventId, grantedAt: record.timestamp, withdrawnEvent: null, withdrawnDelay: null });
      }
      const visitor = visitors.get(record.consentId);
      if (record.method === 'withdraw' && visitor && visitor.withdrawnEvent === null && visitor.grantedAt !== null && visitor.grantedAt <= record.timestamp) {
        visitor.withdrawnEvent = record.eventId;
        visitor.withdrawnDelay = withdrawalDelay(Date.parse(record.timestamp) - Date.parse(visitor.grantedAt));
      }
      count(record, 1);
    },
    gone(record) {
      count(record, -1);
      const visitor = visitors.get(record.consentId);
      if (!visitor) return;
      if (visitor.grantedEvent === record.eventId) Object.assign(visitor, { grantedEvent: null, grantedAt: null });
      if (visitor.withdrawnEvent === record.eventId) Object.assign(visitor, { withdrawnEvent: null, withdrawnDelay: null });
      if (visitor.grantedEvent === null && visitor.withdrawnEvent === null) visitors.delete(record.consentId);
    },
    async insightCounters({ from, to }) {
      return [...counters.values()].filter((counter) => counter.day >= from && counter.day <= to).map((counter) => ({ ...counter }));
    },
    async insightFirstSeen() {
      const first = new Map<string, FirstSeen>();
      for (const counter of counters.values()) {
        const seen: FirstSeen | null =
          counter.dimension === 'all' ? { dimension: 'revision', key: String(counter.revision), day: counter.day } : counter.dimension === 'text' ? { dimension: 'text', key: counter.key, day: counter.day } : null;
        if (!seen) continue;
        const id = `${seen.dimension}:${seen.key}`;
        if (!first.has(id) || first.get(id)!.day > seen.day) first.set(id, seen);
      }
      return [...first.values()];
    },
  };
}
