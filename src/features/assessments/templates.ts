/**
 * The assessment journey's messages. Each says exactly what changed and what happens next, in plain words.
 */

import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';

export const ASSESSMENT_TEMPLATES = {
  'assessment-request-received': {
    subject: 'We have your request to assess ((child))',
    body: 'Hello,\n\n((council)) received a request for an education, health and care (EHC) needs assessment for ((child)) on ((received)). The council is now considering whether an EHC needs assessment is necessary.\n\nWhat happens next: the council must decide whether to assess by ((due)). Until a caseworker is named, contact ((team)) on ((teamPhone)) or ((teamEmail)).',
  },
  'reassessment-request-received': {
    subject: 'We have your request to assess ((child)) again',
    body: 'Hello,\n\n((council)) received a request on ((received)) to assess ((child)) again: a reassessment of their education, health and care (EHC) plan. The plan stays in force while this happens. The council is now considering whether an assessment is necessary.\n\nWhat happens next: the council will tell you whether it will assess again. If it does, it must send you the amended or new plan within 14 weeks of telling you. Until a caseworker is named, contact ((team)) on ((teamPhone)) or ((teamEmail)).',
  },
  'assessment-request-linked': {
    subject: 'Your request for ((child)) has been joined to the one already open',
    body: 'Hello,\n\n((council)) already had an open request to assess ((child)), received on ((received)). Your new request has been added to that one so nothing is done twice.\n\nWhat happens next: the council must still decide whether to assess by ((due)).',
  },
  'requester-link-confirmed': {
    subject: 'You can now follow the request for ((child))',
    body: "Hello,\n\n((council)) has checked and confirmed your link to ((child)). When you sign in to Goldthread, you can now follow ((child))'s education, health and care (EHC) needs assessment: where it has got to, what happens next and by when.\n\nIf you have questions, contact ((team)) on ((teamPhone)) or ((teamEmail)).",
  },
  'assessment-allocated': {
    subject: '((officer)) is now the caseworker for ((child))',
    body: "Hello,\n\n((officer)) is now the named caseworker for ((child))'s education, health and care (EHC) needs assessment. You can email them at ((officerEmail)).\n\nWhat happens next: ((next)) If they are away, contact ((team)) on ((teamPhone)).",
  },
  'named-officer-changed': {
    subject: '((officer)) is now your contact for ((child))',
    body: "Hello,\n\n((previous)) is no longer working on ((child))'s education, health and care (EHC) case. ((officer)) is now ((child))'s named officer and your contact at the council. You can email them at ((officerEmail)).\n\nNothing else changes: every date the council has given you stays the same. If ((officer)) is away, contact ((team)) on ((teamPhone)) or ((teamEmail)).",
  },
  'assessment-decision': {
    subject: "A decision about ((child))'s EHC needs assessment",
    body: 'Hello,\n\n((decision))\n\nWhat happens next: ((next))',
  },
  'assessment-exception': {
    subject: 'A change to the dates for ((child))',
    body: 'Hello,\n\nThe council has recorded that ((exception)). The law lets a date move for this reason only if it really held things up. The council will tell you if it decides that it did.\n\n((explanation))\n\nThe council must still act as soon as it can. If you disagree, contact ((team)) on ((teamPhone)).',
  },
  'assessment-exception-confirmed': {
    subject: 'The council is relying on a reason the law allows for ((child))',
    body: 'Hello,\n\nThe council has decided that ((exception)) held up the work for ((child)). It says why: ((reason))\n\n((explanation))\n\nThe council must still act as soon as it can. If you disagree, contact ((team)) on ((teamPhone)).',
  },
  'assessment-closed': {
    subject: 'The assessment request for ((child)) is closed',
    body: 'Hello,\n\nThe council has recorded that ((what)).\n\nIf this is wrong, contact ((team)) on ((teamPhone)) or ((teamEmail)).',
  },
  'assessment-draft-served': {
    subject: "((child))'s draft plan is ready for your comments",
    body: `Hello,\n\nThe council sent ((child))'s draft education, health and care plan on ((served)).\n\nWhat happens next: you have until ((commentsEnd)) to comment, ask for a meeting and tell the council which school or college you would like named. The council must issue the final plan by ((due)).\n\n${personalBudgetInformation()}`,
  },
  'assessment-response-recorded': {
    subject: 'We have your comments on the draft plan for ((child))',
    body: "Hello,\n\nThe council recorded your response to ((child))'s draft plan on ((date)).((school))\n\nWhat happens next: the council must issue the final plan by ((due)).",
  },
  'assessment-final-issued': {
    subject: "((child))'s final education, health and care plan has been issued",
    body: "Hello,\n\nThe council issued ((child))'s final education, health and care (EHC) plan on ((issued)). The plan and its decision notice are on your page in Goldthread; you can download the notice as a PDF or Word document.\n\nIf you disagree, these are your rights.\n\n((rights))",
  },
  'assessment-amended-issued': {
    subject: "((child))'s amended education, health and care plan has been issued",
    body: "Hello,\n\nThe council has reassessed ((child))'s needs and issued ((child))'s amended education, health and care (EHC) plan on ((issued)). The plan and its decision notice are on your page in Goldthread; you can download the notice as a PDF or Word document.\n\nIf you disagree, these are your rights.\n\n((rights))",
  },
  'advice-requested': {
    subject: 'Advice asked for: ((child)), due ((due))',
    body: 'Hello ((name)),\n\n((council)) has asked you for ((agency)) advice for the education, health and care (EHC) needs assessment of ((child)).\n\nWhat happens next: the law says the advice must arrive by ((due)). Sign in to Goldthread to see the task and send your advice.',
  },
  'advice-reminder': {
    subject: 'Reminder: advice for ((child)) is due on ((due))',
    body: 'Hello ((name)),\n\nYour ((agency)) advice for ((child)) has not arrived yet. It is due on ((due)), in ((daysLeft)).\n\nWhat happens next: sign in to Goldthread to send it. If you have not been involved with this child, or your existing advice is still current, you can say so in the same form.',
  },
  'advice-overdue': {
    subject: 'Overdue advice: ((agency)) for ((child))',
    body: 'Hello ((name)),\n\nThe ((agency)) advice for ((child)) was due on ((due)) and has not arrived. It was asked of ((adviser)) on ((requested)).\n\nWhat happens next: please contact the service to agree a date. The caseworker is ((officer)).',
  },
  'advice-received': {
    subject: 'Advice received: ((agency)) for ((child))',
    body: 'Hello ((name)),\n\nThe ((agency)) advice for ((child)) arrived on ((received)).\n\nWhat happens next: ((next))',
  },
};
