/** The plan's messages. Each says exactly what changed and what happens next, in plain words. */
import { personalBudgetInformation } from '../../domain/personal-budget/index.ts';

export const PLAN_TEMPLATES = {
  'plan-draft-shared-family': {
    subject: "((child))'s draft plan is ready for your comments",
    body: `Hello ((name)),\n\nThe council has shared version ((version)) of ((child))'s draft education, health and care (EHC) plan. You can read it and comment on any part of it when you sign in to Goldthread.\n\nWhat happens next: you have until ((commentsEnd)) to comment and to tell the council which school or college you would like named. The caseworker will answer each comment.\n\n${personalBudgetInformation()}`,
  },
  'plan-draft-shared-adviser': {
    subject: 'Draft EHC plan for ((child)) shared for your comments',
    body: 'Hello ((name)),\n\nThe council has shared version ((version)) of the draft education, health and care (EHC) plan for ((child)), for your comments. If you gave advice for it, please check that your advice is reflected; you can comment on any section when you sign in to Goldthread.\n\nWhat happens next: the family can comment until ((commentsEnd)); the caseworker will answer each comment before the final plan is issued.',
  },
  'plan-comment-received': {
    subject: 'New comment on the draft plan for ((child))',
    body: "Hello ((name)),\n\n((who)) commented on section ((section)) of the draft EHC plan for ((child)).\n\nWhat happens next: answer the comment on the plan's comments page, and say whether the plan was changed.",
  },
  'plan-comment-answered': {
    subject: "Your comment on ((child))'s draft plan has been answered",
    body: "Hello ((name)),\n\nThe caseworker has answered your comment on section ((section)) of ((child))'s draft plan. ((change))\n\nWhat happens next: you can read the answer when you sign in to Goldthread, and compare the draft with the final plan once it is issued.",
  },
  'plan-issued': {
    subject: "((child))'s ((kind)) EHC plan has been issued",
    body: "Hello ((name)),\n\nThe council has issued ((child))'s ((kind)) education, health and care (EHC) plan (version ((version))). You can read it, download it and compare it with the draft when you sign in to Goldthread.\n\nWhat happens next: the plan will be reviewed at least once a year.",
  },
};
