import { describe, expect, it } from 'vitest';
import { familyTasks, familyTaskSentence, type FamilyFacts } from './family-tasks.ts';

const today = '2026-12-05';

describe('familyTasks', () => {
  it('lists what is asked of the family, soonest first (hand-worked: Oliver and Zofia)', () => {
    const children: FamilyFacts[] = [
      {
        childName: 'Oliver',
        viewsAsked: { by: '2026-11-13', href: '/views' },
        reviewViews: { by: '2027-01-08', href: '/review' },
      },
      {
        childName: 'Zofia',
        draftComments: { to: '2026-12-18', href: '/draft' },
        appeal: { by: '2027-02-04', what: 'the final plan', href: '/notice' },
      },
    ];
    const tasks = familyTasks(children, today);
    expect(tasks.map((t) => `${t.childName}:${t.kind}`)).toEqual([
      'Oliver:views',
      'Zofia:draft-comments',
      'Oliver:review-views',
    ]);
    expect(tasks[0]!.requestOnly).toBe(true);
  });

  it('the appeal once no draft is open, and not after its last day', () => {
    const appeal = { by: '2027-02-04', what: 'the final plan', href: '/notice' };
    expect(familyTasks([{ childName: 'Zofia', appeal }], today).map((t) => t.kind)).toEqual(['appeal']);
    expect(familyTasks([{ childName: 'Zofia', appeal }], '2027-02-04')).toHaveLength(1);
    expect(familyTasks([{ childName: 'Zofia', appeal }], '2027-02-05')).toHaveLength(0);
  });

  it('a comment window closes after its last day; a request for views never does (D4)', () => {
    const draftComments = { to: '2026-12-04', href: '/draft' };
    expect(familyTasks([{ childName: 'Zofia', draftComments }], today)).toHaveLength(0);
    const viewsAsked = { by: '2026-01-01', href: '/views' };
    expect(familyTasks([{ childName: 'Oliver', viewsAsked }], today)).toHaveLength(1);
  });

  it('a transfer preference with no date comes last', () => {
    const tasks = familyTasks(
      [
        { childName: 'A', transferPreference: { by: null, href: '/t' } },
        { childName: 'B', reviewViews: { by: '2027-03-01', href: '/r' } },
      ],
      today,
    );
    expect(tasks.map((t) => t.kind)).toEqual(['review-views', 'transfer-preference']);
  });

  it('a transfer preference asked by a planning date stays after it, never "late"', () => {
    const transferPreference = { by: '2026-12-01', href: '/your-transfer/x' };
    const tasks = familyTasks([{ childName: 'Ada', transferPreference }], today);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.requestOnly).toBe(true);
    expect(familyTaskSentence(tasks[0]!, false, today)).toBe(
      'Tell the council which school or college you want for Ada. The council asked by 1 December 2026: you can still tell them, and the sooner the better.',
    );
    expect(familyTaskSentence(tasks[0]!, false, '2026-11-30')).toBe(
      'Tell the council which school or college you want for Ada by 1 December 2026.',
    );
    expect(familyTaskSentence(tasks[0]!, true, '2026-11-30')).toBe(
      'Tell the council which school or college you want by 1 December 2026.',
    );
  });

  it('proposed amendments to an issued plan: comment by the 15th day, closed after it; an appeal of the plan in force stays', () => {
    const proposalComments = { to: '2026-12-18', href: '/your-plans/p' };
    const appeal = { by: '2027-01-10', what: "Zofia's amended plan", href: '/notice' };
    const tasks = familyTasks([{ childName: 'Zofia', proposalComments, appeal }], today);
    expect(tasks.map((t) => [t.kind, t.by, t.href])).toEqual([
      ['proposal-comments', '2026-12-18', '/your-plans/p'],
      ['appeal', '2027-01-10', '/notice'],
    ]);
    expect(tasks[0]!.requestOnly).toBe(false);
    expect(familyTasks([{ childName: 'Zofia', proposalComments }], '2026-12-18')).toHaveLength(1);
    expect(familyTasks([{ childName: 'Zofia', proposalComments }], '2026-12-19')).toHaveLength(0);
    expect(familyTaskSentence(tasks[0]!, false, today)).toBe(
      "Comment on the changes the council proposes to Zofia's plan by 18 December 2026. You can also ask for a meeting and say which school or college you want named.",
    );
    expect(familyTaskSentence(tasks[0]!, true, today)).toBe(
      'Comment on the changes the council proposes to your plan by 18 December 2026. You can also ask for a meeting and say which school or college you want named.',
    );
  });

  it('nothing asked: an empty list', () => {
    expect(familyTasks([{ childName: 'A' }], today)).toEqual([]);
  });
});

describe('familyTaskSentence', () => {
  const [views, draft, review] = familyTasks(
    [
      {
        childName: 'Oliver',
        viewsAsked: { by: '2026-11-13', href: '/v' },
        draftComments: { to: '2026-12-18', href: '/d' },
        reviewViews: { by: '2027-01-08', href: '/r' },
      },
    ],
    today,
  );

  it('to a parent: the child by name, never "late" for their own views', () => {
    expect(familyTaskSentence(views!, false, today)).toBe(
      'Send your views about Oliver. The council asked for them by 13 November 2026: you can still send them.',
    );
    expect(familyTaskSentence(views!, false, today)).not.toMatch(/late|adviser/i);
    expect(familyTaskSentence(draft!, false, today)).toBe(
      "Comment on Oliver's draft plan by 18 December 2026. You can also ask for a meeting and say which school or college you want named.",
    );
    expect(familyTaskSentence(review!, false, today)).toBe(
      "Send your views for Oliver's annual review by 8 January 2027, so everyone can read them before the meeting.",
    );
  });

  it('a review whose date for views has passed: still asked, before the meeting', () => {
    expect(familyTaskSentence(review!, false, '2027-01-09')).toBe(
      "Send your views for Oliver's annual review. The council asked for them by 8 January 2027: you can still send them before the meeting.",
    );
  });

  it('to a young person: "you" and "your"', () => {
    expect(familyTaskSentence(views!, true, '2026-11-01')).toBe(
      'Send your views about yourself by 13 November 2026.',
    );
    expect(familyTaskSentence(draft!, true, today)).toMatch(
      /^Comment on your draft plan by 18 December 2026\./,
    );
  });

  it('an appeal names the decision and its last day', () => {
    const [appeal] = familyTasks(
      [{ childName: 'Zofia', appeal: { by: '2027-02-04', what: "Zofia's final plan", href: '/n' } }],
      today,
    );
    expect(familyTaskSentence(appeal!, false, today)).toBe(
      "If you disagree with Zofia's final plan, you can appeal to the tribunal by 4 February 2027.",
    );
  });
});
