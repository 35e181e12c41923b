/** Every URL in the service, built in one place and used by routes, views, redirects and tests. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  health: '/health',
  accessibility: '/accessibility',
  cookies: '/cookies',
  children: {
    list: '/children',
    show: (id: string) => `/children/${encodeURIComponent(id)}`,
    pattern: '/children/:childId',
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
    evidence: (id: string) => `/improvement/evidence/${encodeURIComponent(id)}`,
    evidencePattern: '/improvement/evidence/:evidenceId',
    publicIndex: '/plan-progress',
    public: (laCode: string) => `/plan-progress/${encodeURIComponent(laCode)}`,
    publicPattern: '/plan-progress/:laCode',
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
