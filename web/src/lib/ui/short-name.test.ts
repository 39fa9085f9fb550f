import { describe, expect, it } from 'vitest';
import { shortName } from './short-name.ts';

describe('short name for a phone header', () => {
  it('W-PHONE-1: a Chinese name keeps its last word, the person; a Latin one becomes initials', () => {
    expect(shortName('江亭村 陈书记')).toBe('陈书记');
    expect(shortName('江亭村 网格员 杨梅')).toBe('杨梅');
    expect(shortName('系统管理员')).toBe('系统管理员');
    expect(shortName('欧阳明月的很长的名字')).toBe('欧阳明月的');
    expect(shortName('Li Wei')).toBe('LW');
    expect(shortName('  anna  maria  lopez  garcia ')).toBe('AML');
    expect(shortName('')).toBe('');
  });
});
