/**
 * The amendments' messages: to the family (each says what changed, what they can do, and by when), and to the child's
 * officer when the family asks for a meeting.
 */
import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';

export const AMENDMENT_TEMPLATES = {
  'amendment-proposed': {
    subject: "Proposed changes to ((child))'s EHC plan",
    body: `Hello ((name)),\n\nThe council proposes to change ((child))'s education, health and care (EHC) plan. When you sign in to Goldthread you can read the notice: each proposed change, section by section, and the evidence for it.\n\nWhat you can do: comment on any part of the proposed plan, ask for a meeting with the council, and ask for a particular school, college or other setting to be named. You have until ((commentsEnd)) to do this.\n\nWhat happens next: the council will answer your comments and must issue the amended plan by ((amendedPlanDue)), or tell you, with its reasons, that it has decided not to change the plan.\n\n${personalBudgetInformation()}`,
  },
  // To a family member with parental responsibility and no account (ADR 0048), by email or by post: the proposal
  // itself, how to reply without an account, and their rights.
  'amendment-proposed-contact': {
    subject: "Proposed changes to ((child))'s EHC plan: reply by ((commentsEnd))",
    body: `Dear ((name)),\n\n((council)) proposes to change ((child))'s education, health and care (EHC) plan (reference ((reference))). This letter sets out each proposed change, section by section. The rest of the plan stays as it is.\n\n((changes))\n\nThe evidence for the changes: ((evidence))\n\nWhat you can do by ((commentsEnd)) (15 days from ((sent))):\n\n* tell the council what you think of any part of the proposed plan\n* ask for a meeting with the council about the changes\n* ask for a particular school, college or other setting to be named in the plan\n\nHow to reply: you do not need a Goldthread account. Contact ((contact)) by email or phone, or write to them at the address at the top of this letter, quoting reference ((reference)).\n\nWhat happens next: the council will answer your comments and must issue the amended plan by ((amendedPlanDue)), or tell you, with its reasons, that it has decided not to change the plan. You can appeal to the SEND tribunal about sections B, F and I of the amended plan once it is issued. Free, impartial advice: ((sendiass)).\n\n${personalBudgetInformation()}`,
  },
  'amendment-issued': {
    subject: "((child))'s amended EHC plan has been issued",
    body: "Hello ((name)),\n\nThe council has issued ((child))'s amended education, health and care (EHC) plan (version ((version))). You can read it and compare it with the plan before when you sign in to Goldthread.\n\nYour rights: you can appeal to the tribunal about sections B, F and I of the amended plan. ((appeal)) The notice sets out what changed, mediation and the free advice you can get: ((link))\n\nWhat happens next: the next annual review stays on the date it was due; amending the plan does not move it.",
  },
  'amendment-meeting-requested': {
    subject: 'A family asked for a meeting about proposed amendments: ((child))',
    body: 'Hello ((name)),\n\nThe family of ((child)) (reference ((reference))) asked on ((date)) to meet the council about the proposed changes to the EHC plan (SEND Regulations 2014, reg 22(2)(c)).\n\nWhat they want to talk about: ((note))\n\nWhat happens next: contact them to arrange the meeting, and record it on the amendment when it is held: ((link))',
  },
  'amendment-issued-transfer': {
    subject: "((child))'s amended EHC plan names ((setting)) for the move in ((moveYear))",
    body: "Hello ((name)),\n\nThe council has issued ((child))'s amended education, health and care (EHC) plan (version ((version))). It names ((setting)) as the school or college for ((child))'s move in ((moveYear)). You can read it and compare it with the plan before when you sign in to Goldthread.\n\nThis is the step the council told you about for ((child))'s move to the next phase of education (a phase transfer): the law says the plan must name the new school or college by ((deadline)). ((timing))\n\nYour rights: you can appeal to the tribunal about sections B, F and I of the amended plan, including the school or college named. ((appeal)) The notice sets out what changed, mediation and the free advice you can get: ((link))\n\nWhat happens next: the next annual review stays on the date it was due; amending the plan does not move it.",
  },
  'amendment-not-amended': {
    subject: "The council will not change ((child))'s EHC plan",
    body: "Hello ((name)),\n\nAfter your comments on the proposed changes, the council has decided not to amend ((child))'s education, health and care (EHC) plan. The plan stays as it was.\n\nThe reasons: ((reasons))\n\nYour rights: you can appeal to the tribunal about this decision. ((appeal)) The notice sets out mediation and the free advice you can get: ((link))",
  },
};
