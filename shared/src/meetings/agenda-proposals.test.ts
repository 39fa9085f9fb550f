import { describe, expect, it } from 'vitest';
import { sampleLedgerRow } from '../ledger/ledger-row.ts';
import { proposeAgenda, reasonsFor } from './agenda-proposals.ts';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 20);

describe('the agenda builder', () => {
  it('M-AGENDA-1: an overdue high-risk case is proposed with both reasons, first', () => {
    const rows = [
      sampleLedgerRow('calm'),
      sampleLedgerRow('review', { needsReview: true }),
      sampleLedgerRow('hot', { stage: 'dispatched', deadline: now - day, risk: 'high', title: '山林界' }),
    ];
    expect(proposeAgenda(rows, now, new Set())).toEqual([
      { caseId: 'hot', title: '山林界', village: 'jiangting', reasons: ['overdue', 'highRisk'] },
      { caseId: 'review', title: 'case review', village: 'jiangting', reasons: ['needsReview'] },
    ]);
  });

  it('M-AGENDA-1: each reason is told: criminal risk, escalated, three attempts at the level, spanning villages', () => {
    expect(reasonsFor(sampleLedgerRow('a', { risk: 'criminal' }), now)).toEqual(['criminalRisk']);
    expect(reasonsFor(sampleLedgerRow('b', { level: 'town' }), now)).toEqual(['escalated']);
    expect(reasonsFor(sampleLedgerRow('c', { level: 'county' }), now)).toEqual(['escalated']);
    expect(reasonsFor(sampleLedgerRow('d', { attemptsAtLevel: 3 }), now)).toEqual(['failedAttempts']);
    expect(reasonsFor(sampleLedgerRow('e', { attemptsAtLevel: 2 }), now)).toEqual([]);
    expect(reasonsFor(sampleLedgerRow('f', { spansVillages: true }), now)).toEqual(['spansVillages']);
    expect(reasonsFor(sampleLedgerRow('g', { stage: 'dispatched', deadline: now + day }), now)).toEqual([]);
  });

  it('M-AGENDA-1: settled cases and cases already on the agenda are not proposed', () => {
    const rows = [
      sampleLedgerRow('closed', { stage: 'closed', risk: 'criminal', deadline: now - day }),
      sampleLedgerRow('on', { risk: 'high' }),
      sampleLedgerRow('off', { risk: 'high' }),
    ];
    expect(proposeAgenda(rows, now, new Set(['on'])).map((p) => p.caseId)).toEqual(['off']);
  });

  it('M-AGENDA-1: a village’s deliberation meeting is proposed its own village’s cases only', () => {
    const rows = [
      sampleLedgerRow('here', { risk: 'high' }),
      sampleLedgerRow('there', { risk: 'high', village: 'hongyan' }),
    ];
    expect(proposeAgenda(rows, now, new Set(), 'jiangting').map((p) => p.caseId)).toEqual(['here']);
    expect(proposeAgenda(rows, now, new Set()).map((p) => p.caseId)).toEqual(['here', 'there']);
  });
});
