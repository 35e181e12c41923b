/** Every URL in the service, built in one place and used by routes, views, redirects and tests. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  /** The signed-in user's own account: changing their password. */
  account: {
    password: '/account/password',
  },
  /** Families by GOV.UK One Login (issue 19 item 2). */
  oneLogin: {
    start: '/sign-in/one-login',
    callback: '/sign-in/one-login/callback',
    link: '/sign-in/one-login/link',
    /** A caseworker's page for a family member's One Login code. */
    code: (childId: string, memberId: string) =>
      `/children/${encodeURIComponent(childId)}/family/${encodeURIComponent(memberId)}/one-login`,
    codePattern: '/children/:childId/family/:memberId/one-login',
  },
  /** The second factor (issue 19 item 3): the only pages a half-signed-in session reaches. */
  secondFactor: {
    verify: '/second-factor',
    recovery: '/second-factor/recovery',
    setUp: '/second-factor/set-up',
    settings: '/second-factor/settings',
    /** An administrator's reset of a user's second factor. */
    reset: (userId: string) => `/admin/users/${encodeURIComponent(userId)}/second-factor`,
    resetPattern: '/admin/users/:userId/second-factor',
  },
  health: '/health',
  accessibility: '/accessibility',
  cookies: '/cookies',
  returns: {
    index: '/returns',
    inspectionList: '/returns/inspection-list',
    sen2Exports: '/returns/sen2/exports',
    sen2Export: (id: string) => `/returns/sen2/exports/${encodeURIComponent(id)}`,
    sen2ExportPattern: '/returns/sen2/exports/:exportId',
    sen2ExportFile: (id: string) => `/returns/sen2/exports/${encodeURIComponent(id)}/file`,
    sen2ExportFilePattern: '/returns/sen2/exports/:exportId/file',
    sen2Import: '/returns/sen2/import',
  },
  /** The leaders' figures (docs/figures.md): every figure, and the children behind one. */
  figures: {
    index: '/figures',
    measure: (id: string) => `/figures/${encodeURIComponent(id)}`,
    measurePattern: '/figures/:measure',
    /** The children behind a number as CSV (audited as a bulk export of special category data). */
    csv: (id: string) => `/figures/${encodeURIComponent(id)}/children.csv`,
    csvPattern: '/figures/:measure/children.csv',
  },
  children: {
    list: '/children',
    show: (id: string) => `/children/${encodeURIComponent(id)}`,
    pattern: '/children/:childId',
  },
  /** Mediation and tribunal appeals (docs/tribunal.md). */
  tribunal: {
    list: '/tribunal',
    new: '/tribunal/new',
    show: (id: string) => `/tribunal/${encodeURIComponent(id)}`,
    showPattern: '/tribunal/:disagreementId',
    mediation: (id: string) => `/tribunal/${encodeURIComponent(id)}/mediation`,
    mediationPattern: '/tribunal/:disagreementId/mediation',
    agreement: (id: string) => `/tribunal/${encodeURIComponent(id)}/agreement`,
    agreementPattern: '/tribunal/:disagreementId/agreement',
    appeal: (id: string) => `/tribunal/${encodeURIComponent(id)}/appeal`,
    appealPattern: '/tribunal/:disagreementId/appeal',
    done: (id: string) => `/tribunal/${encodeURIComponent(id)}/done`,
    donePattern: '/tribunal/:disagreementId/done',
    /** A reg 44(3) exception against one of the council's dates after an order or concession. */
    exception: (id: string) => `/tribunal/${encodeURIComponent(id)}/exception`,
    exceptionPattern: '/tribunal/:disagreementId/exception',
    /** A family's own, signed in. */
    family: '/your-appeals',
  },
  /** Personal budgets and direct payments (docs/personal-budgets.md). */
  personalBudgets: {
    list: '/personal-budgets',
    new: '/personal-budgets/new',
    show: (id: string) => `/personal-budgets/${encodeURIComponent(id)}`,
    showPattern: '/personal-budgets/:requestId',
    /** One step's form: decision, refusal-review, direct-payment, monitoring, change, reconsideration. */
    step: (id: string, step: string) => `/personal-budgets/${encodeURIComponent(id)}/${step}`,
    /** A family's own, signed in, and asking for one. */
    family: '/your-personal-budgets',
    familyRequest: '/your-personal-budgets/request',
  },
  register: {
    /** The register of what families raise (staff). */
    list: '/register',
    new: '/register/new',
    item: (id: string) => `/register/${encodeURIComponent(id)}`,
    itemPattern: '/register/:itemId',
    action: (id: string, action: string) =>
      `/register/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
    actionPattern: '/register/:itemId/:action',
    code: (id: string) => `/register/${encodeURIComponent(id)}/owner-and-themes`,
    codePattern: '/register/:itemId/owner-and-themes',
    taskDone: (id: string) => `/register/${encodeURIComponent(id)}/task-done`,
    taskDonePattern: '/register/:itemId/task-done',
    policy: '/register/policy',
    counts: '/register/counts',
    youSaid: '/register/you-said-we-did',
    youSaidPublish: (id: string) => `/register/you-said-we-did/${encodeURIComponent(id)}/publish`,
    youSaidPublishPattern: '/register/you-said-we-did/:entryId/publish',
    /** Disagreement resolution meetings about a child (ADR 0047): the records and what agreements oblige. */
    resolutions: '/register/disagreement-resolution',
    resolutionNew: '/register/disagreement-resolution/new',
    resolution: (id: string) => `/register/disagreement-resolution/${encodeURIComponent(id)}`,
    resolutionPattern: '/register/disagreement-resolution/:resolutionId',
    resolutionObligation: (id: string) =>
      `/register/disagreement-resolution/${encodeURIComponent(id)}/obligation`,
    resolutionObligationPattern: '/register/disagreement-resolution/:resolutionId/obligation',
    resolutionDone: (id: string, obligationId: string) =>
      `/register/disagreement-resolution/${encodeURIComponent(id)}/obligation/${encodeURIComponent(obligationId)}/done`,
    resolutionDonePattern: '/register/disagreement-resolution/:resolutionId/obligation/:obligationId/done',
    /** What was learnt from a theme, an item or an appeal, and the improvement plan action it went to (ADR 0047). */
    learning: '/register/learning',
    learningNew: '/register/learning/new',
    /** A family's own items, signed in. */
    family: '/your-say',
    familyNew: '/your-say/new',
    familyItem: (id: string) => `/your-say/${encodeURIComponent(id)}`,
    familyItemPattern: '/your-say/:itemId',
    /** Without an account: a general concern, complaint or compliment; and the service's "You said, we did". */
    publicNew: '/send-service/tell-us',
    publicSent: '/send-service/tell-us/sent',
    publicYouSaid: '/send-service/you-said-we-did',
    /** What families say after a milestone (ADR 0034): leaders' results and coding the free text into themes. */
    survey: '/register/survey',
    surveyCode: (id: string) => `/register/survey/${encodeURIComponent(id)}/themes`,
    surveyCodePattern: '/register/survey/:responseId/themes',
    /** The family's survey, reached by the link in their message or their first screen: no sign-in needed. */
    surveyAnswer: (laCode: string, token: string) =>
      `/have-your-say/${encodeURIComponent(laCode)}/${encodeURIComponent(token)}`,
    surveyAnswerPattern: '/have-your-say/:laCode/:token',
    surveyThanks: '/have-your-say/thank-you',
    /**
     * The short address printed in the milestone letters (ADR 0057): the code's page, and the same page where a
     * family types the code from their letter.
     */
    surveyShort: (laCode: string, code?: string) =>
      `/say/${encodeURIComponent(laCode)}${code ? `/${encodeURIComponent(code)}` : ''}`,
    surveyShortPattern: '/say/:laCode',
    surveyShortCodePattern: '/say/:laCode/:code',
  },
  education: {
    /** Children with a plan not in full-time education (leaders and caseworkers). */
    list: '/education',
    /** A child's exclusions, part-time timetables, missing education, home education and attendance. */
    child: (childId: string) => `/children/${encodeURIComponent(childId)}/education`,
    childPattern: '/children/:childId/education',
    newEpisode: (childId: string, kind?: string) =>
      `/children/${encodeURIComponent(childId)}/education/new${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`,
    newEpisodePattern: '/children/:childId/education/new',
    episode: (childId: string, episodeId: string) =>
      `/children/${encodeURIComponent(childId)}/education/${encodeURIComponent(episodeId)}`,
    episodePattern: '/children/:childId/education/:episodeId',
    close: (childId: string, episodeId: string) =>
      `/children/${encodeURIComponent(childId)}/education/${encodeURIComponent(episodeId)}/close`,
    closePattern: '/children/:childId/education/:episodeId/close',
    attendance: (childId: string) => `/children/${encodeURIComponent(childId)}/education/attendance`,
    attendancePattern: '/children/:childId/education/attendance',
    dutyDone: (childId: string, dutyId: string) =>
      `/children/${encodeURIComponent(childId)}/education/duties/${encodeURIComponent(dutyId)}/done`,
    dutyDonePattern: '/children/:childId/education/duties/:dutyId/done',
  },
  notices: {
    rightsContacts: '/admin/rights-contacts',
    /** A decision notice: its page, and the same words as PDF and Word. */
    notice: (caseId: string, kind: string, format: 'html' | 'pdf' | 'docx' = 'html') =>
      `/notices/${encodeURIComponent(caseId)}/${encodeURIComponent(kind)}${format === 'html' ? '' : `/notice.${format}`}`,
    pattern: '/notices/:caseId/:kind',
    pdfPattern: '/notices/:caseId/:kind/notice.pdf',
    docxPattern: '/notices/:caseId/:kind/notice.docx',
    /** A letter about a plan (a review's decision, a decision to cease or not to amend, a transfer in). */
    letter: (kind: string, recordId: string, format: 'html' | 'pdf' | 'docx' = 'html') =>
      `/letters/${encodeURIComponent(kind)}/${encodeURIComponent(recordId)}${format === 'html' ? '' : `/letter.${format}`}`,
    letterPattern: '/letters/:kind/:recordId',
    letterPdfPattern: '/letters/:kind/:recordId/letter.pdf',
    letterDocxPattern: '/letters/:kind/:recordId/letter.docx',
    inbox: '/inbox',
  },
  /** Staff single sign-on (src/features/sso). */
  sso: {
    start: (providerId: string) => `/sign-in/sso/${encodeURIComponent(providerId)}`,
    startPattern: '/sign-in/sso/:providerId',
    callback: '/sign-in/sso/callback',
    waiting: '/sign-in/waiting',
    providers: '/admin/identity-providers',
    newProvider: '/admin/identity-providers/new',
    provider: (id: string) => `/admin/identity-providers/${encodeURIComponent(id)}`,
    providerPattern: '/admin/identity-providers/:providerId',
    groups: (id: string) => `/admin/identity-providers/${encodeURIComponent(id)}/groups`,
    groupsPattern: '/admin/identity-providers/:providerId/groups',
    removeGroup: (id: string) => `/admin/identity-providers/${encodeURIComponent(id)}/groups/remove`,
    removeGroupPattern: '/admin/identity-providers/:providerId/groups/remove',
    requests: '/admin/sign-in-requests',
    request: (id: string) => `/admin/sign-in-requests/${encodeURIComponent(id)}`,
    requestPattern: '/admin/sign-in-requests/:requestId',
  },
  admin: {
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: string) => `/admin/users/${encodeURIComponent(id)}`,
    userPattern: '/admin/users/:userId',
    audit: '/admin/audit',
    outbox: '/admin/outbox',
  },
  improvement: {
    index: '/improvement',
    myActions: '/improvement/my-actions',
    import: '/improvement/import',
    importConfirm: '/improvement/import/confirm',
    plan: (id: string) => `/improvement/plans/${encodeURIComponent(id)}`,
    planPattern: '/improvement/plans/:planId',
    actions: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/actions`,
    actionsPattern: '/improvement/plans/:planId/actions',
    flags: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/flags`,
    flagsPattern: '/improvement/plans/:planId/flags',
    timeline: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/timeline`,
    timelinePattern: '/improvement/plans/:planId/timeline',
    changes: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/changes`,
    changesPattern: '/improvement/plans/:planId/changes',
    governance: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/governance`,
    governancePattern: '/improvement/plans/:planId/governance',
    reports: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/reports`,
    reportsPattern: '/improvement/plans/:planId/reports',
    report: (id: string, reportId: string) =>
      `/improvement/plans/${encodeURIComponent(id)}/reports/${encodeURIComponent(reportId)}`,
    reportPattern: '/improvement/plans/:planId/reports/:reportId',
    reportDocx: (id: string, reportId: string) =>
      `/improvement/plans/${encodeURIComponent(id)}/reports/${encodeURIComponent(reportId)}/pack.docx`,
    reportDocxPattern: '/improvement/plans/:planId/reports/:reportId/pack.docx',
    export: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/export.csv`,
    exportPattern: '/improvement/plans/:planId/export.csv',
    publish: (id: string) => `/improvement/plans/${encodeURIComponent(id)}/publish`,
    publishPattern: '/improvement/plans/:planId/publish',
    action: (id: string) => `/improvement/actions/${encodeURIComponent(id)}`,
    actionPattern: '/improvement/actions/:actionId',
    /** The leaders' figure an action's performance indicator follows (docs/figures.md). */
    actionFigure: (id: string) => `/improvement/actions/${encodeURIComponent(id)}/figure`,
    actionFigurePattern: '/improvement/actions/:actionId/figure',
    evidence: (id: string) => `/improvement/evidence/${encodeURIComponent(id)}`,
    evidencePattern: '/improvement/evidence/:evidenceId',
    publicIndex: '/plan-progress',
    public: (laCode: string) => `/plan-progress/${encodeURIComponent(laCode)}`,
    publicPattern: '/plan-progress/:laCode',
  },
  localOffer: {
    home: '/local-offer',
    search: '/local-offer/search',
    service: (id: string) => `/local-offer/services/${encodeURIComponent(id)}`,
    servicePattern: '/local-offer/services/:serviceId',
    information: (slug: string) => `/local-offer/information/${encodeURIComponent(slug)}`,
    informationPattern: '/local-offer/information/:slug',
    rating: '/local-offer/feedback',
    problem: '/local-offer/report-a-problem',
    comments: '/local-offer/comments',
    thanks: '/local-offer/thank-you',
    youSaid: '/local-offer/you-said-we-did',
    youSaidYear: (year: number | string) =>
      `/local-offer/you-said-we-did/${encodeURIComponent(String(year))}`,
    youSaidYearPattern: '/local-offer/you-said-we-did/:year',
    manage: {
      services: '/local-offer/manage/services',
      edit: (id: string) => `/local-offer/manage/services/${encodeURIComponent(id)}/edit`,
      editPattern: '/local-offer/manage/services/:serviceId/edit',
      confirm: (id: string) => `/local-offer/manage/services/${encodeURIComponent(id)}/confirm`,
      confirmPattern: '/local-offer/manage/services/:serviceId/confirm',
      approvals: '/local-offer/manage/approvals',
      approval: (id: string) => `/local-offer/manage/approvals/${encodeURIComponent(id)}`,
      approvalPattern: '/local-offer/manage/approvals/:editId',
      stale: '/local-offer/manage/stale',
      links: '/local-offer/manage/links',
      feedback: '/local-offer/manage/feedback',
      triage: (id: string) => `/local-offer/manage/feedback/${encodeURIComponent(id)}`,
      triagePattern: '/local-offer/manage/feedback/:feedbackId',
      youSaid: '/local-offer/manage/you-said-we-did',
      newYouSaid: '/local-offer/manage/you-said-we-did/new',
      youSaidEntry: (id: string) => `/local-offer/manage/you-said-we-did/${encodeURIComponent(id)}`,
      youSaidEntryPattern: '/local-offer/manage/you-said-we-did/:entryId',
      providers: '/local-offer/manage/providers',
      newService: '/local-offer/manage/services/new',
      newOrganisation: '/local-offer/manage/organisations/new',
    },
    api: '/api/open-referral/v3',
  },
  assessments: {
    workspace: '/assessments',
    team: '/assessments/team',
    moveAll: '/assessments/team/move-cases',
    record: '/assessments/record',
    case: (id: string) => `/assessments/${encodeURIComponent(id)}`,
    casePattern: '/assessments/:caseId',
    action: (id: string, action: string) => `/assessments/${encodeURIComponent(id)}/${action}`,
    actionPattern: '/assessments/:caseId/:action',
    request: '/request-assessment',
    requestStep: (step: string) => `/request-assessment/${step}`,
    requestStepPattern: '/request-assessment/:step',
    requestSent: (id: string) => `/request-assessment/sent/${encodeURIComponent(id)}`,
    requestSentPattern: '/request-assessment/sent/:caseId',
    family: (id: string) => `/your-assessment/${encodeURIComponent(id)}`,
    familyPattern: '/your-assessment/:caseId',
    /** The family's own views and advice, sent online (issue 18 item 1). */
    familyViews: (id: string) => `/your-assessment/${encodeURIComponent(id)}/views`,
    familyViewsPattern: '/your-assessment/:caseId/views',
  },
  consultation: {
    /** The caseworker's page for a case: the family's preference, the consultations and their answers. */
    case: (caseId: string) => `/assessments/${encodeURIComponent(caseId)}/placement`,
    casePattern: '/assessments/:caseId/placement',
    preference: (caseId: string) => `/assessments/${encodeURIComponent(caseId)}/placement/preference`,
    preferencePattern: '/assessments/:caseId/placement/preference',
    consult: (caseId: string) => `/assessments/${encodeURIComponent(caseId)}/placement/consult`,
    consultPattern: '/assessments/:caseId/placement/consult',
    refuse: (caseId: string, preferenceId: string) =>
      `/assessments/${encodeURIComponent(caseId)}/placement/preferences/${encodeURIComponent(preferenceId)}/refuse`,
    refusePattern: '/assessments/:caseId/placement/preferences/:preferenceId/refuse',
    /** A school's consultations (its SENCO's or head teacher's list). */
    list: '/consultations',
    show: (id: string) => `/consultations/${encodeURIComponent(id)}`,
    showPattern: '/consultations/:consultationId',
    draft: (id: string) => `/consultations/${encodeURIComponent(id)}/draft-plan.pdf`,
    draftPattern: '/consultations/:consultationId/draft-plan.pdf',
    /** Why a preference about an issued plan (an amendment, a phase transfer) will not be named (ADR 0032). */
    planRefuse: (preferenceId: string) =>
      `/consultations/preferences/${encodeURIComponent(preferenceId)}/refuse`,
    planRefusePattern: '/consultations/preferences/:preferenceId/refuse',
  },
  advice: {
    tasks: '/advice',
    task: (id: string) => `/advice/${encodeURIComponent(id)}`,
    taskPattern: '/advice/:adviceId',
    document: (id: string) => `/advice/${encodeURIComponent(id)}/document`,
    documentPattern: '/advice/:adviceId/document',
  },
  /** The voices before a review meeting (docs/reviews.md): the family's views and professionals' review advice. */
  reviewVoices: {
    /** A family's page for one review: the meeting, what is asked of them and by when, the advice sent round. */
    family: (reviewId: string) => `/your-review/${encodeURIComponent(reviewId)}`,
    familyPattern: '/your-review/:reviewId',
    /** The views form: about 'family' (a parent's own views) or 'child' (the child's or young person's own). */
    views: (reviewId: string, about: string) => `/your-review/${encodeURIComponent(reviewId)}/views/${about}`,
    viewsPattern: '/your-review/:reviewId/views/:about',
    /** Casework staff ask a professional for advice for an open review. */
    ask: (reviewId: string) => `/reviews/${encodeURIComponent(reviewId)}/ask-advice`,
    askPattern: '/reviews/:reviewId/ask-advice',
    /** A professional's review advice requests, and one request (its form). */
    list: '/review-advice',
    task: (adviceId: string) => `/review-advice/${encodeURIComponent(adviceId)}`,
    taskPattern: '/review-advice/:adviceId',
    /** The document attached to review advice, always as a download. */
    document: (adviceId: string) => `/review-advice/${encodeURIComponent(adviceId)}/document`,
    documentPattern: '/review-advice/:adviceId/document',
  },
  plans: {
    list: '/plans',
    start: '/plans/start',
    shared: '/your-plans',
    plan: (id: string) => `/plans/${encodeURIComponent(id)}`,
    planPattern: '/plans/:planId',
    newItem: (id: string, section: string) =>
      `/plans/${encodeURIComponent(id)}/items/new/${encodeURIComponent(section)}`,
    newItemPattern: '/plans/:planId/items/new/:section',
    item: (id: string, itemId: string) =>
      `/plans/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`,
    itemPattern: '/plans/:planId/items/:itemId',
    removeItem: (id: string, itemId: string) =>
      `/plans/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/remove`,
    removeItemPattern: '/plans/:planId/items/:itemId/remove',
    pull: (id: string) => `/plans/${encodeURIComponent(id)}/pull`,
    pullPattern: '/plans/:planId/pull',
    syncAdvice: (id: string) => `/plans/${encodeURIComponent(id)}/advice`,
    syncAdvicePattern: '/plans/:planId/advice',
    placement: (id: string) => `/plans/${encodeURIComponent(id)}/placement`,
    placementPattern: '/plans/:planId/placement',
    budget: (id: string) => `/plans/${encodeURIComponent(id)}/budget`,
    budgetPattern: '/plans/:planId/budget',
    issueDraft: (id: string) => `/plans/${encodeURIComponent(id)}/issue-draft`,
    issueDraftPattern: '/plans/:planId/issue-draft',
    /** The working plan as the family would see it if the draft were shared today (staff only; nothing is sent). */
    preview: (id: string) => `/plans/${encodeURIComponent(id)}/preview`,
    previewPattern: '/plans/:planId/preview',
    issueFinal: (id: string) => `/plans/${encodeURIComponent(id)}/issue-final`,
    issueFinalPattern: '/plans/:planId/issue-final',
    override: (id: string) => `/plans/${encodeURIComponent(id)}/override`,
    overridePattern: '/plans/:planId/override',
    comments: (id: string) => `/plans/${encodeURIComponent(id)}/comments`,
    commentsPattern: '/plans/:planId/comments',
    respond: (id: string, commentId: string) =>
      `/plans/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}`,
    respondPattern: '/plans/:planId/comments/:commentId',
    sharedPlan: (id: string) => `/your-plans/${encodeURIComponent(id)}`,
    sharedPlanPattern: '/your-plans/:planId',
    comment: (id: string) => `/your-plans/${encodeURIComponent(id)}/comments`,
    commentPattern: '/your-plans/:planId/comments',
    versions: (id: string) => `/plans/${encodeURIComponent(id)}/versions`,
    versionsPattern: '/plans/:planId/versions',
    compare: (id: string) => `/plans/${encodeURIComponent(id)}/compare`,
    comparePattern: '/plans/:planId/compare',
    /** versionId 'current' is the working plan (staff only). */
    document: (id: string, versionId: string, format: 'html' | 'docx' | 'pdf' = 'html') =>
      `/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}/${format === 'html' ? 'document' : `plan.${format}`}`,
    documentPattern: '/plans/:planId/versions/:versionId/document',
    docxPattern: '/plans/:planId/versions/:versionId/plan.docx',
    pdfPattern: '/plans/:planId/versions/:versionId/plan.pdf',
  },
  reviews: {
    /** The review backlog: plans whose review is overdue or due within 8 weeks, ranked (docs/reviews.md). */
    backlog: '/reviews',
    /** A plan's reviews: the schedule, each review's paperwork, and the forms for the next step. */
    plan: (planId: string) => `/reviews/plans/${encodeURIComponent(planId)}`,
    planPattern: '/reviews/plans/:planId',
    schedule: (planId: string) => `/reviews/plans/${encodeURIComponent(planId)}/schedule`,
    schedulePattern: '/reviews/plans/:planId/schedule',
    early: (planId: string) => `/reviews/plans/${encodeURIComponent(planId)}/early`,
    earlyPattern: '/reviews/plans/:planId/early',
    transferIn: (planId: string) => `/reviews/plans/${encodeURIComponent(planId)}/transfer-in`,
    transferInPattern: '/reviews/plans/:planId/transfer-in',
    /** Allocating the ticked backlog rows to an officer (team managers). */
    allocate: '/reviews/allocate',
    /** One step of a review: arrange, hold, report or decide. */
    step: (reviewId: string, step: string) => `/reviews/${encodeURIComponent(reviewId)}/${step}`,
    stepPattern: '/reviews/:reviewId/:step',
    /** Arranging a plan's next review meeting: the authority's editors or the school's staff (ADR 0015). */
    arrange: (planId: string) => `/reviews/plans/${encodeURIComponent(planId)}/arrange`,
    arrangePattern: '/reviews/plans/:planId/arrange',
    /** One review's meeting: invitations, the record, the report (ADR 0015). */
    meeting: (reviewId: string) => `/reviews/meetings/${encodeURIComponent(reviewId)}`,
    meetingPattern: '/reviews/meetings/:reviewId',
    /** A change on the meeting page: date, invite, record or report. */
    meetingAction: (reviewId: string, action: string) =>
      `/reviews/meetings/${encodeURIComponent(reviewId)}/${action}`,
    meetingActionPattern: '/reviews/meetings/:reviewId/:action',
    /** The review report: the meeting's record as sent to everyone invited. */
    report: (reviewId: string) => `/reviews/meetings/${encodeURIComponent(reviewId)}/report`,
    reportPattern: '/reviews/meetings/:reviewId/report',
  },
  ceasing: {
    /** Stopping a plan (S9) and transferring it to another council (S11): the procedure and its forms. */
    plan: (planId: string) => `/ceasing/plans/${encodeURIComponent(planId)}`,
    planPattern: '/ceasing/plans/:planId',
    start: (planId: string) => `/ceasing/plans/${encodeURIComponent(planId)}/start`,
    startPattern: '/ceasing/plans/:planId/start',
    transferOut: (planId: string) => `/ceasing/plans/${encodeURIComponent(planId)}/transfer-out`,
    transferOutPattern: '/ceasing/plans/:planId/transfer-out',
    /** One step of a procedure: consult, decide or appeal. */
    step: (cessationId: string, step: string) => `/ceasing/${encodeURIComponent(cessationId)}/${step}`,
    stepPattern: '/ceasing/:cessationId/:step',
  },
  /** Phase transfers (docs/transfers.md): the cohort board. */
  transfers: {
    board: '/transfers',
    /** Tell the family of every child not yet told what will happen and by when (POST). */
    tell: '/transfers/tell',
    /** One child's transfer for casework staff: the dates, preferences, where the child goes next. */
    child: (childId: string) => `/transfers/children/${encodeURIComponent(childId)}`,
    childPattern: '/transfers/children/:childId',
    childPreference: (childId: string) => `/transfers/children/${encodeURIComponent(childId)}/preference`,
    childPreferencePattern: '/transfers/children/:childId/preference',
    childDestination: (childId: string) => `/transfers/children/${encodeURIComponent(childId)}/destination`,
    childDestinationPattern: '/transfers/children/:childId/destination',
    /** The family's page: what will happen and by when; the form to say which school or college they want. */
    family: (childId: string) => `/your-transfer/${encodeURIComponent(childId)}`,
    familyPattern: '/your-transfer/:childId',
    familyPreference: (childId: string) => `/your-transfer/${encodeURIComponent(childId)}/preference`,
    familyPreferencePattern: '/your-transfer/:childId/preference',
  },
  amendments: {
    /** Amendments in progress in the authority (docs/reviews.md, "Amendments"; ADR 0017). */
    list: '/amendments',
    /** A plan's amendments: status, dates with their rules, what is next, and the forms. */
    plan: (planId: string) => `/amendments/plans/${encodeURIComponent(planId)}`,
    planPattern: '/amendments/plans/:planId',
    start: (planId: string) => `/amendments/plans/${encodeURIComponent(planId)}/start`,
    startPattern: '/amendments/plans/:planId/start',
    /** One step of an amendment: send the proposal, issue the amended plan, or decide not to amend. */
    step: (amendmentId: string, step: string) => `/amendments/${encodeURIComponent(amendmentId)}/${step}`,
    stepPattern: '/amendments/:amendmentId/:step',
    /** The notice of the proposed amendments, for the family (and staff). */
    notice: (planId: string) => `/your-plans/${encodeURIComponent(planId)}/proposal`,
    noticePattern: '/your-plans/:planId/proposal',
    /** The family asks for a meeting about the proposal (reg 22(2)(c)). */
    meeting: (planId: string) => `/your-plans/${encodeURIComponent(planId)}/proposal/meeting`,
    meetingPattern: '/your-plans/:planId/proposal/meeting',
  },
  planAudits: {
    index: '/plan-audits',
    newAudit: (planId: string) => `/plan-audits/new/${encodeURIComponent(planId)}`,
    newAuditPattern: '/plan-audits/new/:planId',
    audit: (id: string) => `/plan-audits/${encodeURIComponent(id)}`,
    auditPattern: '/plan-audits/:auditId',
    moderate: (id: string) => `/plan-audits/${encodeURIComponent(id)}/moderate`,
    moderatePattern: '/plan-audits/:auditId/moderate',
    moderation: '/plan-audits/moderation',
    backlog: '/plan-audits/backlog',
    actions: '/plan-audits/actions',
    actionDone: (id: string) => `/plan-audits/actions/${encodeURIComponent(id)}/done`,
    actionDonePattern: '/plan-audits/actions/:actionId/done',
  },
} as const;

/** Adds query parameters to a path, leaving out empty ones. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
