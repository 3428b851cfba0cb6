/**
 * Rows for the coordinator-report tests, written straight into the database the way the features
 * write them: conversations, eligibility checks, appointments, knowledge gaps and transcript
 * activities on two Helsinki days (2026-11-02 and 2026-11-03).
 */
import type { PrismaClient } from '../../bot/db/database.js';
import { getKnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';

export const DAY1 = '2026-11-02';
export const DAY2 = '2026-11-03';
/** Noon on DAY1 in Helsinki (UTC+2 in November). */
const NOON1 = Date.parse('2026-11-02T10:00:00Z');

export const articleIds = () => getKnowledgeBase().ids;

export async function insertReportRows(prisma: PrismaClient): Promise<void> {
  let n = 0;
  const at = (ms: number) => new Date(ms);
  const conversation = (locale: string | null, startedAt: Date) =>
    prisma.conversation.create({ data: { channelId: 'directline', conversationId: `c-${++n}`, locale, startedAt, lastActivityAt: startedAt } });

  // Conversations: DAY1 fi 7, en 6, ar 2; DAY2 fi 5 and one Swedish one that started at 01:30
  // Helsinki time on DAY2 (23:30 UTC on DAY1). One from the day before the range is left out.
  for (let i = 0; i < 7; i++) await conversation('fi', at(NOON1 + i * 60_000));
  for (let i = 0; i < 6; i++) await conversation('en', at(NOON1 + i * 60_000));
  for (let i = 0; i < 2; i++) await conversation('ar', at(NOON1 + i * 60_000));
  for (let i = 0; i < 5; i++) await conversation('fi', at(NOON1 + 86_400_000 + i * 60_000));
  await conversation('sv', new Date('2026-11-02T23:30:00Z'));
  await conversation('fi', new Date('2026-11-01T10:00:00Z'));

  // Eligibility outcomes on DAY1: eligible 6, not eligible 5, can't tell 1.
  const user = await prisma.user.create({ data: { channelId: 'directline', channelUserId: 'u-report' } });
  const check = (outcome: 'eligible' | 'not_eligible' | 'cant_tell') =>
    prisma.eligibilityCheck.create({
      data: { userId: user.id, outcome, reasons: [], nextStep: 'contact_area', phase: 'ended', locale: 'fi', evaluatedAt: at(NOON1) },
    });
  for (let i = 0; i < 6; i++) await check('eligible');
  for (let i = 0; i < 5; i++) await check('not_eligible');
  await check('cant_tell');

  // Bookings on DAY1: 8 made, 2 of them cancelled the same day; one made earlier, completed on DAY2.
  await prisma.coach.create({
    data: {
      id: 'report-coach',
      name: 'Aino Coach',
      email: 'aino@example.org',
      languages: ['fi'],
      area: 'salo',
      municipalities: ['Salo'],
      officeStreet: 'Katu 1',
      officePostalCode: '24100',
      officeCity: 'Salo',
      weeklyHours: {},
    },
  });
  const appointment = (i: number, data: Record<string, unknown>) =>
    prisma.appointment.create({
      data: {
        coachId: 'report-coach',
        startsAt: at(NOON1 + (i + 10) * 86_400_000),
        endsAt: at(NOON1 + (i + 10) * 86_400_000 + 45 * 60_000),
        mode: 'phone',
        meetingLanguage: 'fi',
        locale: 'fi',
        topic: 'job_search',
        manageTokenHash: `hash-${i}`,
        jobseekerName: 'Testi Henkilö',
        createdAt: at(NOON1),
        ...data,
      },
    });
  for (let i = 0; i < 6; i++) await appointment(i, {});
  for (let i = 6; i < 8; i++) await appointment(i, { status: 'cancelled', cancelledAt: at(NOON1 + 3_600_000), cancelledBy: 'jobseeker' });
  await appointment(8, {
    createdAt: new Date('2026-10-20T10:00:00Z'),
    startsAt: at(NOON1 + 86_400_000 - 3_600_000),
    endsAt: at(NOON1 + 86_400_000),
    status: 'completed',
    completedAt: at(NOON1 + 86_400_000),
  });
  // Made earlier too, the jobseeker did not come on DAY2.
  await appointment(9, {
    createdAt: new Date('2026-10-20T10:00:00Z'),
    startsAt: at(NOON1 + 86_400_000 - 3_600_000),
    endsAt: at(NOON1 + 86_400_000),
    status: 'not_attended',
    completedAt: at(NOON1 + 86_400_000 + 60_000),
  });

  // Unanswered questions on DAY1: 6 closest to the first article, 2 to the second, 1 to none.
  const ids = articleIds();
  const gap = (topArticleId: string | null) => prisma.knowledgeGap.create({ data: { day: DAY1, locale: 'fi', kind: 'not_sure', topArticleId, topScore: 0.2 } });
  for (let i = 0; i < 6; i++) await gap(ids[0]);
  for (let i = 0; i < 2; i++) await gap(ids[1]);
  await gap(null);

  // First replies: five conversations on DAY1 answered after 100…500 ms, one on DAY2 after 2 s,
  // and one whose first activity was before the range.
  const transcript = async (conversationId: string, firstIn: number, replyAfterMs: number) => {
    await prisma.transcriptMessage.createMany({
      data: [
        { channelId: 'directline', conversationId, direction: 'inbound', type: 'conversationUpdate', timestamp: at(firstIn) },
        { channelId: 'directline', conversationId, direction: 'outbound', type: 'message', text: 'Hei!', timestamp: at(firstIn + replyAfterMs) },
        { channelId: 'directline', conversationId, direction: 'inbound', type: 'message', text: 'apua', timestamp: at(firstIn + 60_000) },
        { channelId: 'directline', conversationId, direction: 'outbound', type: 'message', text: 'Autan.', timestamp: at(firstIn + 61_000) },
      ],
    });
  };
  for (let i = 1; i <= 5; i++) await transcript(`t-${i}`, NOON1 + i * 1000, i * 100);
  await transcript('t-day2', NOON1 + 86_400_000, 2000);
  await transcript('t-before', Date.parse('2026-11-01T10:00:00Z'), 9000);
}
