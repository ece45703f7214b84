import { describe, expect, it } from 'vitest';
import { originPattern } from '@/lib/messaging/site-access';

describe('site access', () => {
  it('asks for one site at a time, whatever page of it is open', () => {
    expect(originPattern('https://ehr.example.org/patients/123/notes?tab=2')).toBe('https://ehr.example.org/*');
    expect(originPattern('http://10.0.0.5:8080/chart')).toBe('http://10.0.0.5/*');
  });

  it('never asks for pages that are not websites', () => {
    expect(originPattern('chrome://extensions')).toBeNull();
    expect(originPattern('file:///home/notes.html')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
