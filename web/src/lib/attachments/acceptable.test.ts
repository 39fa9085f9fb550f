import { describe, expect, it } from 'vitest';
import { maxAttachmentBytes, unacceptable } from './acceptable.ts';

describe('unacceptable', () => {
  it('C-ATTACH-4: the device takes only what the server keeps, and no more than it takes', () => {
    expect(unacceptable({ type: 'application/pdf', size: 1000 })).toBeNull();
    expect(unacceptable({ type: 'audio/webm;codecs=opus', size: 1000 })).toBeNull();
    expect(unacceptable({ type: 'image/heic', size: 1000 })).toBeNull();
    expect(unacceptable({ type: 'application/vnd.ms-word', size: 1000 })).toBe('attach_wrong_type');
    expect(unacceptable({ type: '', size: 1000 })).toBe('attach_wrong_type');
    expect(unacceptable({ type: 'application/pdf', size: maxAttachmentBytes + 1 })).toBe('attach_too_large');
  });
});
