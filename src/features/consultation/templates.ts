/** The consultation's messages: to the school consulted, the caseworker and the family, in plain words. */
export const CONSULTATION_TEMPLATES = {
  'consultation-sent': {
    subject: '((council)) asks whether ((school)) can meet a child’s needs',
    body: 'Hello ((name)),\n\n((council)) is consulting ((school)) about naming it in the education, health and care plan of ((child)). The draft plan and the advice are in Goldthread: sign in and open "Consultations waiting for your answer".\n\nWhat happens next: please answer by ((due)) (15 days), either that the school can meet the needs, or which legal ground applies and why.',
  },
  'consultation-answered': {
    subject: '((who)) has answered the consultation for ((child))',
    body: 'Hello ((name)),\n\n((who)) answered the consultation about ((child)): ((answer)).\n\nWhat happens next: decide what to name in section I of the final plan. If it is not the family’s preference, record the legal ground and your reasons first.',
  },
  'consultation-family-sent': {
    subject: 'The council has asked ((school)) about ((child))',
    body: 'Hello,\n\nThe council has sent ((school)) the draft plan and the advice for ((child)), and asked whether they can meet ((child))’s needs.\n\nWhat happens next: the school should answer by ((due)). The council will tell you what they say.',
  },
  'consultation-family-answered': {
    subject: 'A school has answered about ((child))',
    body: 'Hello,\n\n((sentence))\n\nWhat happens next: the council will decide which school or setting to name in the final plan, and tell you why.',
  },
} as const;
