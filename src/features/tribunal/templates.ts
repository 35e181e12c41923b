/** The tribunal feature's messages to the family (S7.4): what changed and what it means for them. */
export const TRIBUNAL_TEMPLATES = {
  'tribunal-certificate-recorded': {
    subject: "Mediation certificate recorded: ((child))'s appeal date",
    body: 'Hello ((name)),\n\nThe council has recorded the mediation certificate issued on ((certificate)) about its decision sent on ((decision)).\n\nYour last day to appeal to the tribunal is now ((appeal)). ((rule))\n\nYou can see every date, and what the council must do, when you sign in to Goldthread.',
  },
  'tribunal-compliance-dates': {
    subject: "What the council must do now, and by when: ((child))'s appeal",
    body: 'Hello ((name)),\n\n((what)) on ((on)).\n\nThe law sets the dates by which the council must act:\n\n((dates))\n\nIf the council misses one of these dates, tell your caseworker. Your local SEND information, advice and support service (SENDIASS) can advise you, free.\n\nYou can see every date, and where each stands, when you sign in to Goldthread: ((link))',
  },
};
