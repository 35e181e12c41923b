/**
 * The personal budget messages to the family (statutory-work.md S8, "Family must be told"). Each says what was
 * decided, why where something was refused, what they can do and by when.
 */
export const PERSONAL_BUDGET_TEMPLATES = {
  'personal-budget-requested': {
    subject: 'We have your request for a personal budget for ((child))',
    body: 'Hello ((name)),\n\nThe council has your request, made on ((requested)), for a personal budget for ((child)): ((elements)).\n\nWhat happens next: the council will work out the amount for each part of the support and tell you its decision before the plan is issued. You can see where it stands when you sign in to Goldthread.',
  },
  'personal-budget-agreed': {
    subject: "((child))'s personal budget has been agreed",
    body: "Hello ((name)),\n\nOn ((decided)) the council agreed a personal budget for ((child)): ((amounts)).\n\nWhat happens next: the plan's section J will set out the support the budget pays for. A direct payment starts once you sign an agreement with the council, and is reviewed within 3 months and then at each review of the plan.",
  },
  'personal-budget-refused': {
    subject: "The council's decision on a personal budget for ((child))",
    body: 'Hello ((name)),\n\nOn ((decided)) the council decided on your request for a personal budget for ((child)). What was agreed: ((amounts))\n\nThe council refused part or all of what you asked for. The reasons: ((reasons))\n\nYour rights: you can ask the council to review this decision. Tell your caseworker, by email or phone, that you want a review and why.',
  },
  'personal-budget-reviewed': {
    subject: 'The review of the personal budget decision for ((child))',
    body: 'Hello ((name)),\n\nThe council reviewed its decision on a personal budget for ((child)) on ((reviewed)). ((outcome))',
  },
  'personal-budget-change': {
    subject: "Notice of a change to ((child))'s direct payment",
    body: "Hello ((name)),\n\nThe council intends to ((what)) the direct payment for ((child)) from ((effective)).\n\nThe reasons: ((reasons))\n\nYour rights: you can ask the council once to reconsider. Tell your caseworker before ((effective)); the council gives at least ((days)) days' notice so that you can.",
  },
  'personal-budget-reconsidered': {
    subject: "The council has reconsidered the change to ((child))'s direct payment",
    body: 'Hello ((name)),\n\nThe council reconsidered its decision on ((decided)): ((outcome)). This was the one reconsideration the regulations give.',
  },
};
