/** The review meeting's messages (ADR 0015): the invitation, the meeting moved, and the report, in plain words. */
export const MEETING_TEMPLATES = {
  'review-invitation': {
    subject: 'You are invited to the annual review of ((child))’s EHC plan on ((date))',
    body: 'Hello ((name)),\n\nYou are invited to the review meeting of ((child))’s education, health and care plan on ((date)). ((council)) or the school will tell you the time and place.\n\nWhat happens next: if you have advice or information for the review, please send it at least 2 weeks before the meeting, so everyone invited can read it. If you have a Goldthread account, you can see the review at ((link)).',
  },
  'review-rescheduled': {
    subject: 'The review meeting of ((child))’s EHC plan has moved to ((date))',
    body: 'Hello ((name)),\n\nThe review meeting of ((child))’s education, health and care plan has moved from ((from)) to ((date)). You are still invited. ((council)) or the school will tell you the time and place.\n\nWhat happens next: if you have advice or information for the review, please send it at least 2 weeks before the new date, so everyone invited can read it. If you have a Goldthread account, you can see the review at ((link)).',
  },
  'review-report': {
    subject: 'The report of ((child))’s annual review',
    body: 'Hello ((name)),\n\nThe review meeting of ((child))’s education, health and care plan was held on ((date_held)). Its report (who came, what is working and what is not, progress toward each outcome, recommended changes and any disagreements) is ready.\n\nWhat happens next: the council will decide whether to keep, amend or stop the plan within 4 weeks of the meeting, and tell the family. If you have a Goldthread account, you can read the report at ((link)).',
  },
} as const;
