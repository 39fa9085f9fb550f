import { describe, expect, it } from 'vitest';
import { disputeTypes } from './dispute-type.ts';
import { riskGrade, typeDefaults } from './risk.ts';

describe('riskGrade', () => {
  it('C-RISK-1: with nothing of note, a dispute takes its type’s grade', () => {
    expect(riskGrade('neighbours')).toBe('low');
    expect(riskGrade('marriageFamily')).toBe('medium');
    expect(riskGrade('unpaidWages', [])).toBe('medium');
    expect(riskGrade('collective')).toBe('high');
    for (const type of disputeTypes) expect(riskGrade(type)).toBe(typeDefaults[type]);
  });

  it('C-RISK-1: a dispute that could turn criminal (民转刑) is the top grade, whatever its type', () => {
    for (const type of disputeTypes) expect(riskGrade(type, ['couldTurnCriminal'])).toBe('criminal');
  });

  it('C-RISK-1: threatened violence or many people concerned make it at least high', () => {
    expect(riskGrade('neighbours', ['violenceThreatened'])).toBe('high');
    expect(riskGrade('unpaidWages', ['groupOfPeople'])).toBe('high');
    expect(riskGrade('collective', ['groupOfPeople'])).toBe('high');
  });

  it('C-RISK-1: reach across villages or a relapse raises it one grade, but only a crime makes it criminal', () => {
    expect(riskGrade('neighbours', ['crossBoundary'])).toBe('medium');
    expect(riskGrade('land', ['repeated'])).toBe('high');
    expect(riskGrade('collective', ['crossBoundary', 'repeated'])).toBe('high');
    expect(riskGrade('roadSafety', ['crossBoundary', 'repeated'])).toBe('medium');
  });
});
