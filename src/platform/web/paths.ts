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
