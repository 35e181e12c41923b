/** The tribunal feature's messages to the family (S7.4): what changed and what it means for them. */
export const TRIBUNAL_TEMPLATES = {
  'tribunal-certificate-recorded': {
    subject: "Mediation certificate recorded: ((child))'s appeal date",
    body: 'Hello ((name)),\n\nThe council has recorded the mediation certificate issued on ((certificate)) about its decision sent on ((decision)).\n\nYour last day to appeal to the tribunal is now ((appeal)). ((rule))\n\nYou can see every date, and what the council must do, when you sign in to Goldthread.',
  },
};
