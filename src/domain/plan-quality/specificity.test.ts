/** Every specificity rule, positive and false-positive cases, with exact codes and offsets. */
import { describe, expect, it } from 'vitest';
import {
  SPECIFICITY_MESSAGES,
  checkOutcomeText,
  checkProvisionText,
  checkSpecificity,
  hasMeasurableChange,
  timescaleSpans,
  type SpecificityCode,
} from './specificity.ts';

/** A fully specific tail: amount, frequency and deliverer, so only the wording under test can be found. */
const TAIL = ', 30 minutes 3 times a week from a teaching assistant trained by the SaLT';

/** [code, start, end] of every finding. */
const codes = (text: string) => checkProvisionText(text).findings.map((f) => [f.code, f.start, f.end]);
const outcomeCodes = (text: string) => checkOutcomeText(text).findings.map((f) => [f.code, f.start, f.end]);

/** The [start, end] of the first occurrence of `phrase` in `text`. */
function at(text: string, phrase: string, from = 0): [number, number] {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in "${text}"`);
  return [start, start + phrase.length];
}
const f = (code: SpecificityCode, text: string, phrase: string, from = 0) => [
  code,
  ...at(text, phrase, from),
];

describe('wording from the domain document table (provision)', () => {
  it('access-to: availability is not receipt', () => {
    const t = `Access to a sensory room${TAIL}`;
    expect(codes(t)).toEqual([f('access-to', t, 'Access to')]);
  });
  it('access-to: not when it is the purpose or physical access', () => {
    expect(codes(`Pre-teaching to support access to the curriculum${TAIL}`)).toEqual([]);
    expect(codes(`Pre-teaching to improve her access to lessons${TAIL}`)).toEqual([]);
    expect(codes(`Step-free access to every classroom, checked${TAIL}`)).toEqual([]);
  });
  it('opportunities for / to', () => {
    const t = `Opportunities to practise turn-taking${TAIL}`;
    expect(codes(t)).toEqual([f('opportunities', t, 'Opportunities to')]);
    const u = `A group with opportunity for play${TAIL}`;
    expect(codes(u)).toEqual([f('opportunities', u, 'opportunity for')]);
  });
  it.each(['regular', 'regularly', 'frequent', 'periodic', 'Periodically'])('regular: "%s"', (word) => {
    const t = `Phonics practice, ${word}, with a teaching assistant`;
    expect(codes(t)).toEqual([
      f('regular', t, word),
      ['missing-amount', 0, t.length],
      ['missing-frequency', 0, t.length],
    ]);
  });
  it('regular: not once the frequency is given ("short and frequent sessions ... 3 x 10 minutes per week")', () => {
    expect(codes(`Phonics practice, regularly${TAIL}`)).toEqual([]);
    expect(
      codes(
        'Short and frequent touch typing sessions: 3 x 10 minute sessions a week with his class teacher.',
      ),
    ).toEqual([]);
  });
  it('regular: not when it means ordinary ("the regular classroom", "regular lessons")', () => {
    expect(codes(`Pre-teaching in the regular classroom${TAIL}`)).toEqual([]);
    expect(codes(`Withdrawal from regular lessons for reading${TAIL}`)).toEqual([]);
    expect(codes(`Irregular verbs practice${TAIL}`)).toEqual([]);
  });
  it.each([
    'as appropriate',
    'where appropriate',
    'as required',
    'as needed',
    'when needed',
    'as necessary',
    'where necessary',
    'if required',
    'as and when',
  ])('as-appropriate: "%s"', (phrase) => {
    const t = `Movement breaks ${phrase}${TAIL}`;
    expect(codes(t)).toEqual([f('as-appropriate', t, phrase)]);
  });
  it('as-appropriate: not "as required by" a law', () => {
    expect(codes(`A care plan as required by the Equality Act 2010${TAIL}`)).toEqual([]);
  });
  it('support-with, interventions, strategies: flagged only when the item is otherwise incomplete', () => {
    const t = 'Support with reading and spelling.';
    expect(codes(t)).toEqual([
      f('support-with', t, 'Support with'),
      ['missing-amount', 0, t.length],
      ['missing-frequency', 0, t.length],
      ['missing-deliverer', 0, t.length],
    ]);
    const u = 'Literacy interventions and strategies to aid memory, daily.';
    expect(codes(u).slice(0, 2)).toEqual([
      f('interventions', u, 'interventions'),
      f('strategies', u, 'strategies to'),
    ]);
    // The brief's example: "support" inside a fully quantified sentence is specific.
    const v =
      '30 minutes of 1:1 support from a teaching assistant trained in Precision Teaching, 3 times a week';
    expect(checkProvisionText(v)).toMatchObject({ specific: true, findings: [] });
    expect(codes(`Precision Teaching and Toe by Toe interventions${TAIL}`)).toEqual([]);
  });
  it('support-with: "additional adult support" and similar', () => {
    const t = 'Additional adult support at lunch.';
    expect(codes(t)[0]).toEqual(f('support-with', t, 'adult support'));
  });
  it('input-from: names a professional, not an activity, even when quantified', () => {
    const t = `Input from the SaLT${TAIL}`;
    expect(codes(t)).toEqual([f('input-from', t, 'Input from')]);
    const u = `Physiotherapy input${TAIL}`;
    expect(codes(u)).toEqual([f('input-from', u, 'input')]);
    expect(codes(`Practice with a switch input device${TAIL}`)).toEqual([]);
  });
  it.each(['would benefit from', 'may', 'might', 'could', 'should consider', 'it is recommended', 'Ideally'])(
    'recommendation: "%s"',
    (phrase) => {
      const t = `Tom ${phrase} a weekly social skills group${TAIL}`;
      expect(codes(t)).toEqual([f('recommendation', t, phrase)]);
    },
  );
  it('recommendation: "May" the month or a name is not a modal; "recommended by" cites advice', () => {
    expect(codes(`A block of lessons starting in May${TAIL}`)).toEqual([]);
    expect(codes(`A review by 4 May 2026${TAIL}`)).toEqual([]);
    expect(codes(`Paired reading with May${TAIL}`)).toEqual([]);
    expect(codes(`The programme recommended by the OT${TAIL}`)).toEqual([]);
    const t = `May be delivered in class${TAIL}`;
    expect(codes(t)).toEqual([f('recommendation', t, 'May')]);
  });
  it('mode-not-fixed: "1:1, small group or whole class"', () => {
    const t = `Teaching 1:1, small group or whole class as appropriate${TAIL}`;
    expect(codes(t)).toEqual([
      f('mode-not-fixed', t, '1:1, small group or whole class'),
      f('group-size-missing', t, 'small group'),
      f('as-appropriate', t, 'as appropriate'),
    ]);
    const u = `Reading delivered individually or in pairs${TAIL}`;
    expect(codes(u)).toEqual([f('mode-not-fixed', u, 'individually or in pairs')]);
  });
  it('group-size-missing: "small group" or "small class" without a number', () => {
    const t = `Phonics in a small group${TAIL}`;
    expect(codes(t)).toEqual([f('group-size-missing', t, 'small group')]);
    const u = `Taught in a small class${TAIL}`;
    expect(codes(u)).toEqual([f('group-size-missing', u, 'small class')]);
  });
  it('group-size-missing: not when a size is given', () => {
    expect(codes(`Phonics in a small group of 4${TAIL}`)).toEqual([]);
    expect(codes(`Phonics in small groups of three${TAIL}`)).toEqual([]);
    expect(codes(`Phonics in a small group (no more than 6)${TAIL}`)).toEqual([]);
    expect(codes(`Phonics in a 5-pupil small group${TAIL}`)).toEqual([]);
  });
  it('up-to-ceiling: "up to N hours" is a ceiling, not a floor', () => {
    const t = 'Up to 15 hours of teaching assistant support per week.';
    expect(codes(t)).toEqual([f('up-to-ceiling', t, 'Up to 15 hours')]);
    const u = 'up to six sessions a term with a physiotherapist';
    expect(codes(u)).toEqual([f('up-to-ceiling', u, 'up to six sessions')]);
    expect(codes(`A group of up to 6 pupils${TAIL}`)).toEqual([]);
  });
});

describe('missing amount, frequency or deliverer (provision)', () => {
  it('all three missing: offsets cover the whole statement, after any wording', () => {
    const t = 'Speech and language therapy.';
    expect(codes(t)).toEqual([
      ['missing-amount', 0, 28],
      ['missing-frequency', 0, 28],
      ['missing-deliverer', 0, 28],
    ]);
  });
  it('missing-amount only', () => {
    expect(codes('Weekly mentoring with a learning mentor.').map((c) => c[0])).toEqual(['missing-amount']);
  });
  it('missing-frequency only', () => {
    expect(codes('30 minutes of mentoring with a learning mentor.').map((c) => c[0])).toEqual([
      'missing-frequency',
    ]);
  });
  it('missing-deliverer only', () => {
    expect(codes('20 minutes of daily reading practice.').map((c) => c[0])).toEqual(['missing-deliverer']);
  });
  it.each([
    'A teaching assistant will be with him at all times during break and lunch.',
    'Teachers will give printed slides in every lesson.',
    'A TA will sit with him in all written assessments and exams.',
    'A nurture group run by a nurture practitioner every afternoon from 1pm to 3pm.',
    'Two overnight short breaks per month, staffed by trained care workers.',
    'A 90-minute training session for staff each September.',
    'The class teacher will pre-teach vocabulary for 15 minutes before each new topic.',
    'A sitting service for 3 hours every other Saturday from a trained carer.',
    'Half an hour with the SENCo once a fortnight.',
    'A qualified teacher of the deaf will visit for one hour every half-term.',
    'The ELSA will work with her for 45 minutes on Tuesdays.',
    'Three 1-hour sessions over the spring term with the educational psychologist.',
  ])('recognises amount, frequency and deliverer: %s', (text) => {
    expect(checkProvisionText(text)).toMatchObject({ specific: true, findings: [] });
  });
});

describe('outcomes (section E)', () => {
  it('a SMART outcome is specific', () => {
    expect(checkOutcomeText('By July 2027, Amelia will read a Year 3 text aloud with 95% accuracy.')).toEqual(
      { specific: true, findings: [] },
    );
  });
  it('outcome-no-timescale and outcome-not-measurable cover the whole statement', () => {
    const t = 'Jack will improve his communication skills.';
    expect(outcomeCodes(t)).toEqual([
      ['outcome-no-timescale', 0, t.length],
      ['outcome-not-measurable', 0, t.length],
    ]);
  });
  it('numbers in the timescale do not make an outcome measurable', () => {
    const t = 'By the end of Key Stage 2, Ruby will improve her reading.';
    expect(outcomeCodes(t)).toEqual([['outcome-not-measurable', 0, t.length]]);
    expect(hasMeasurableChange(t)).toBe(false);
    expect(hasMeasurableChange('By July 2027 she will read 50 words.')).toBe(true);
  });
  it.each([
    'by the end of Key Stage 2',
    'By July 2027',
    'within 12 months',
    'by the age of 19',
    'By the time he leaves Year 11',
    'by Easter 2026',
    'by his next annual review',
    'by the end of Year 6',
    'in the summer term',
  ])('timescale: "%s"', (phrase) => {
    expect(timescaleSpans(`${phrase}, Sam will dress himself independently.`).length).toBeGreaterThan(0);
    expect(checkOutcomeText(`${phrase}, Sam will dress himself independently.`).specific).toBe(true);
  });
  it('"May" as a month is not a recommendation', () => {
    expect(checkOutcomeText('By May 2027, Tom will read 50 high-frequency words.')).toEqual({
      specific: true,
      findings: [],
    });
  });
  it.each([
    ['will receive', 'By July 2027, Omar will receive speech therapy twice a week.'],
    ['will have access to', 'By July 2027, Omar will have access to 2 therapy sessions a week.'],
    ['will be supported', 'By July 2027, Omar will be supported to read 20 words.'],
    ['will continue to receive', 'By July 2027, Omar will continue to receive 2 sessions a week.'],
    ['will attend therapy sessions', 'By July 2027, Omar will attend therapy sessions 2 times a week.'],
  ])('outcome-describes-provision: "%s"', (phrase, text) => {
    const found = outcomeCodes(text).filter((c) => c[0] === 'outcome-describes-provision');
    expect(found).toEqual([['outcome-describes-provision', ...at(text, phrase)]]);
  });
  it('table wording applies to outcomes too', () => {
    const t = 'Ben will attend school regularly.';
    expect(outcomeCodes(t)[0]).toEqual(f('regular', t, 'regularly'));
    // Once the outcome is measurable, "regularly" describes the child, as "when needed" does.
    expect(outcomeCodes('By July 2026, Ben will attend school regularly, on 4 days a week.')).toEqual([]);
  });
  it('"when needed" in a measurable outcome describes the child, not discretion', () => {
    expect(
      checkOutcomeText(
        'By July 2026, Mia will ask for help when needed using her card, on 4 out of 5 occasions.',
      ).specific,
    ).toBe(true);
    const t = 'Sophie will use her communication aid as appropriate.';
    expect(outcomeCodes(t)[0]).toEqual(f('as-appropriate', t, 'as appropriate'));
  });
});

describe('checkSpecificity by section', () => {
  it.each(['A', 'B', 'C', 'D', 'I', 'J', 'K'] as const)('section %s: no findings, specific', (section) => {
    expect(checkSpecificity(section, 'Access to regular support as appropriate.')).toEqual({
      specific: true,
      findings: [],
    });
  });
  it.each(['F', 'G', 'H1', 'H2'] as const)('section %s is checked as provision', (section) => {
    expect(checkSpecificity(section, 'Access to a laptop.')).toEqual(
      checkProvisionText('Access to a laptop.'),
    );
  });
  it('section E is checked as an outcome', () => {
    expect(checkSpecificity('E', 'To be happy.')).toEqual(checkOutcomeText('To be happy.'));
  });
  it('every finding carries its plain-English message', () => {
    const r = checkProvisionText('Regular input as needed.');
    expect(r.specific).toBe(false);
    for (const finding of r.findings) expect(finding.message).toBe(SPECIFICITY_MESSAGES[finding.code]);
  });
});

describe('kinds of provision: what "specified and quantified" means for each', () => {
  const kindOf = (text: string) => checkProvisionText(text).kind;
  const missing = (text: string) =>
    checkProvisionText(text)
      .findings.filter((x) => x.code.startsWith('missing-'))
      .map((x) => x.code);

  it.each([
    // [kind, specific wording, vague wording]
    [
      'sessions',
      'Speech and language therapy: 45 minutes of 1:1 therapy once a week from a qualified speech and language therapist.',
      'Speech and language therapy as required.',
    ],
    [
      'sessions',
      'A teaching assistant trained in Precision Teaching will work with him 1:1 for 20 minutes every morning.',
      'Support from an adult with reading.',
    ],
    [
      'sessions',
      'A teaching assistant will support him in the playground at play and lunchtime.',
      'The setting will support him in the playground at play and lunchtime.',
    ],
    [
      'group',
      'Taught in a group of no more than eight pupils with a ratio of 1 adult to 4 pupils.',
      'Taught in a small group with a high adult to pupil ratio.',
    ],
    ['group', 'Class sizes of no more than 12.', 'Small class sizes.'],
    [
      'transport',
      'Transport to and from school each school day with a passenger assistant.',
      'Transport to and from school with a passenger assistant as needed.',
    ],
    [
      'equipment',
      'A laptop with Clicker 8 and Read&Write software for all written work.',
      'Access to a laptop.',
    ],
    ['equipment', 'A writing slope and pencil grip in every lesson.', 'A writing slope and pencil grip.'],
    ['exam-access', '25% extra time and a reader in all tests and examinations.', 'Extra time in exams.'],
    [
      'exam-access',
      'A separate room and supervised rest breaks in all internal and external examinations.',
      'Exam access arrangements as appropriate.',
    ],
    [
      'short-breaks',
      'Two overnight short breaks a month at a residential short-break unit.',
      'Regular overnight short breaks.',
    ],
    [
      'residential',
      'A 38-week residential placement with a waking day curriculum.',
      'A residential placement may be considered.',
    ],
  ])('%s: "%s" is specific; "%s" is vague', (kind, good, bad) => {
    expect(checkProvisionText(good)).toMatchObject({ specific: true, findings: [], kind });
    const r = checkProvisionText(bad);
    expect(r.specific).toBe(false);
  });

  it.each([
    // social care and health provision are sessions: amount, frequency and deliverer
    ['H1', 'A personal assistant for 3 hours every Saturday to take her swimming and to the youth club.'],
    [
      'H2',
      'Two hours a day of help at home from a personal assistant with feeding and dressing, seven days a week.',
    ],
    [
      'G',
      "A children's community nurse will train two named staff in gastrostomy feeding for 2 hours each September.",
    ],
    [
      'G',
      'Physiotherapy: a 30-minute stretching programme daily from a teaching assistant trained by the physiotherapist.',
    ],
  ] as const)('social care and health provision (%s): %s', (section, text) => {
    expect(checkSpecificity(section, text)).toMatchObject({ specific: true, findings: [], kind: 'sessions' });
  });
  it.each([
    ['H1', 'Support from social care as required.'],
    ['H2', 'Access to short breaks.'],
    ['G', 'Regular review by the community paediatrician.'],
    ['G', 'Physiotherapy input.'],
  ] as const)('vague social care and health provision (%s): %s', (section, text) => {
    expect(checkSpecificity(section, text).specific).toBe(false);
  });

  it('reads each kind from the wording', () => {
    expect(kindOf('25% extra time in all tests and examinations.')).toBe('exam-access');
    expect(kindOf('A reader for GCSE examinations.')).toBe('exam-access');
    expect(kindOf('Taxi to college each day with an escort.')).toBe('transport');
    expect(kindOf('A 52-week residential placement.')).toBe('residential');
    expect(kindOf('Respite at a named unit two nights a month.')).toBe('short-breaks');
    expect(kindOf('A teaching group of no more than 6.')).toBe('group');
    expect(kindOf('A radio aid in all lessons.')).toBe('equipment');
    // Quantified sessions that use equipment are sessions: "3 x 10 minute touch typing sessions on a laptop"
    expect(kindOf('3 x 10 minute touch typing sessions on a laptop a week with his teacher.')).toBe(
      'sessions',
    );
    expect(kindOf('Speech and language therapy.')).toBe('sessions');
  });

  it('says what is missing, in the words of the kind', () => {
    const transport = checkProvisionText('Transport to and from school with a passenger assistant.');
    expect(transport.findings.map((x) => x.code)).toEqual(['missing-frequency']);
    expect(transport.findings[0]?.message).toMatch(/^Say how often the transport runs/);
    const exam = checkProvisionText('Extra time in exams.');
    expect(exam.findings.map((x) => x.code)).toEqual(['missing-amount', 'missing-use']);
    expect(exam.findings[0]?.message).toMatch(/^Say how much: for extra time give the percentage/);
    expect(exam.findings[1]?.message).toMatch(/^Say in which assessments/);
    expect(missing('A laptop.')).toEqual(['missing-use']);
    expect(checkProvisionText('A laptop.').findings[0]?.message).toMatch(/^Say when or what for it is used/);
    expect(missing('Taught in a small group.')).toEqual(['missing-size']);
    expect(checkProvisionText('Taught in a small group.').findings.at(-1)?.message).toMatch(/^Say how big/);
    expect(missing('Overnight short breaks at Oak Lodge.')).toEqual(['missing-amount', 'missing-frequency']);
    expect(missing('A residential placement.')).toEqual(['missing-amount']);
    expect(missing('Speech and language therapy.')).toEqual([
      'missing-amount',
      'missing-frequency',
      'missing-deliverer',
    ]);
  });

  it('every missing finding starts by saying what to add', () => {
    const texts = [
      'Speech and language therapy.',
      'Transport to school.',
      'Extra time in exams.',
      'A laptop.',
      'Taught in a small group.',
      'Short breaks.',
      'A residential placement.',
    ];
    for (const text of texts) {
      for (const finding of checkProvisionText(text).findings.filter((x) => x.code.startsWith('missing-'))) {
        expect(finding.message, `${text}: ${finding.code}`).toMatch(/^Say /);
      }
    }
    for (const finding of checkOutcomeText('Jack will improve.').findings)
      expect(finding.message).toMatch(/^Say /);
  });
});

describe('outcomes: a time frame and an observable behaviour, with or without a number', () => {
  it.each([
    'By the end of Key Stage 4, Ola will be able to make and keep friendships with two peers.',
    'By the end of Key Stage 4 Ola will be able to maintain and make appropriate friendships.',
    'By July 2027, Ola will be able to explain to a new adult what epilepsy is and how she manages it.',
    'By Year 6, Ola will be able to read a chapter book to herself.',
    'By the end of Year 11, Ola will travel to college on the bus independently.',
    'Ola will learn 20 new words by next term.',
  ])('measurable: %s', (text) => {
    expect(checkOutcomeText(text)).toEqual({ specific: true, findings: [] });
  });
  it.each([
    ['By the end of Key Stage 2, Ola will develop her social skills.', 'outcome-not-measurable'],
    ['By July 2027, Ola will be able to improve her confidence.', 'outcome-not-measurable'],
    ['By July 2027, Ola will achieve her potential.', 'outcome-not-measurable'],
    ['Ola will be able to read a chapter book.', 'outcome-no-timescale'],
  ])('not measurable or not timed: %s', (text, code) => {
    expect(checkOutcomeText(text).findings.map((x) => x.code)).toContain(code);
  });
});
