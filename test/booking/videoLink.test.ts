import { describe, expect, it } from 'vitest';
import { buildVideoLink, parseVideoLinkTemplate } from '../../bot/booking/videoLink.js';

describe('video link template', () => {
  it.each([
    ['https://meet.example.org/oma/{appointmentId}', 'https://meet.example.org/oma/clx42'],
    ['https://meet.example.org/{coachId}/{appointmentId}', 'https://meet.example.org/mik-liisa/clx42'],
    ['https://meet.example.org/room?id={appointmentId}&c={coachId}', 'https://meet.example.org/room?id=clx42&c=mik-liisa'],
    ['https://meet.example.org/oma-vakiohuone', 'https://meet.example.org/oma-vakiohuone'],
    ['  https://meet.example.org:8443/oma/{appointmentId}  ', 'https://meet.example.org:8443/oma/clx42'],
  ])('%s makes %s', (template, link) => {
    const parsed = parseVideoLinkTemplate(template);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(buildVideoLink(parsed.template, { appointmentId: 'clx42', coachId: 'mik-liisa' })).toBe(link);
  });

  it('encodes values so they cannot change the link', () => {
    const parsed = parseVideoLinkTemplate('https://meet.example.org/oma/{appointmentId}?c={coachId}');
    if (!parsed.ok) throw new Error(parsed.reason);
    const link = buildVideoLink(parsed.template, { appointmentId: '../../admin?x=1#', coachId: 'a&b' });
    const url = new URL(link);
    expect(url.host).toBe('meet.example.org');
    expect(url.pathname).toBe('/oma/..%2F..%2Fadmin%3Fx%3D1%23');
    expect(url.searchParams.get('c')).toBe('a&b');
  });

  it.each([
    ['', 'empty'],
    ['meet.example.org/{appointmentId}', 'not_a_url'],
    ['http://meet.example.org/{appointmentId}', 'not_https'],
    ['javascript:alert(1)', 'not_https'],
    ['ftp://meet.example.org/{appointmentId}', 'not_https'],
    ['https://user:secret@meet.example.org/{appointmentId}', 'has_credentials'],
    ['https://meet.example.org/{meetingId}', 'unknown_placeholder'],
    ['https://meet.example.org/{appointmentId', 'unknown_placeholder'],
    ['https://{coachId}.meet.example.org/{appointmentId}', 'placeholder_in_host'],
    ['https://{appointmentId}/x', 'placeholder_in_host'],
  ])('%j is refused: %s', (template, reason) => {
    expect(parseVideoLinkTemplate(template)).toEqual({ ok: false, reason });
  });
});
