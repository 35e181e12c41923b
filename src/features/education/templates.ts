/** The family's message when an episode raises the plan's review (S4: "the family must be told why"). */
export const EDUCATION_TEMPLATES = {
  'education-review-raised': {
    subject: 'The council will review ((child))’s education, health and care plan',
    body: 'Hello,\n\n((reason))\n\nWhat happens next: the council aims to review the plan by ((due)). ((s19))\n\nIf you have any questions, contact ((team)) on ((teamPhone)) or ((teamEmail)).',
  },
} as const;
