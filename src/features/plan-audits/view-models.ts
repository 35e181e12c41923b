/**
 * The plan quality pages' view models: pure functions from what the service returns to what the templates show. No
 * I/O, so the handlers in ./routes.ts stay parse, call the service, render.
 */
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { auditFigures, moderationQueue, recentAudits } from './service.ts';
import { agreement, barChartSvg, GRADE_LABELS, quarterOf, shareBy, type Grade } from './stats.ts';

/**
 * The dashboard: how many audited plans are good or better, by quarter, team and writer (with charts), how far the
 * moderators agree with the first auditors, the recent audits (a page of them) and the moderation queue.
 */
export function dashboardModel(
  figures: Awaited<ReturnType<typeof auditFigures>>,
  recent: Awaited<ReturnType<typeof recentAudits>>,
  queue: Awaited<ReturnType<typeof moderationQueue>>,
) {
  const byQuarter = shareBy(figures, (a) => quarterOf(a.audited_on));
  const byTeam = shareBy(figures, (a) => a.team);
  const byWriter = shareBy(figures, (a) => a.writer);
  const pairs = figures
    .filter((f) => f.moderation_id && f.m_grades && f.m_overall !== null)
    .map((f) => ({
      first: f.grades,
      firstOverall: f.overall,
      second: f.m_grades!,
      secondOverall: f.m_overall!,
    }));
  const link = (n: number) => withQuery(paths.planAudits.index, { page: n });
  return {
    pageTitle: 'Plan quality',
    total: figures.length,
    good: figures.filter((f) => f.overall <= 2).length,
    byQuarter,
    byTeam,
    byWriter,
    quarterChart: barChartSvg(byQuarter, 'Audited plans graded good or better, by quarter', 'chart-quarter'),
    teamChart: barChartSvg(byTeam, 'Audited plans graded good or better, by team', 'chart-team'),
    agreement: agreement(pairs),
    pairs: pairs.length,
    recent: {
      ...recent,
      rows: recent.rows.map((r) => ({ ...r, grade: GRADE_LABELS[r.overall as Grade] })),
    },
    queue,
    pagination: govukPagination(recent.page, recent.pages, link),
  };
}
