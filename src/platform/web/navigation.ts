/** The main menu for each role: only the pages that role can use. */
import type { Actor } from '../access/access.ts';
import { paths } from './paths.ts';

interface NavItem {
  href: string;
  text: string;
  active?: boolean;
}

export function navigationFor(actor: Actor | null, url: string): NavItem[] {
  if (!actor) return [];
  const items: NavItem[] = [{ href: paths.home, text: 'Home' }];
  if (['caseworker', 'team-manager', 'send-leader', 'professional'].includes(actor.role)) {
    items.push({ href: paths.children.list, text: 'Children and young people' });
  }
  if (['caseworker', 'team-manager', 'send-leader'].includes(actor.role)) {
    items.push({ href: paths.assessments.workspace, text: 'Assessments' });
  }
  if (actor.role === 'professional') {
    items.push({ href: paths.advice.tasks, text: 'Advice tasks' });
    items.push({ href: paths.notices.inbox, text: 'Decisions sent to you' });
  }
  if (['caseworker', 'team-manager', 'send-leader'].includes(actor.role)) {
    items.push({ href: paths.plans.list, text: 'EHC plans' });
    items.push({ href: paths.reviews.backlog, text: 'Reviews' });
    items.push({ href: paths.amendments.list, text: 'Amendments' });
    items.push({ href: paths.transfers.board, text: 'Phase transfers' });
    items.push({ href: paths.education.list, text: 'Not in full-time education' });
    items.push({ href: paths.register.list, text: 'What families raise' });
    items.push({ href: paths.tribunal.list, text: 'Mediation and appeals' });
    items.push({ href: paths.personalBudgets.list, text: 'Personal budgets' });
  }
  if (['team-manager', 'send-leader'].includes(actor.role)) {
    items.push({ href: paths.figures.index, text: 'Figures' });
    items.push({ href: paths.planAudits.index, text: 'Plan quality' });
    items.push({ href: paths.returns.index, text: 'Returns' });
  }
  if (['parent', 'young-person'].includes(actor.role)) {
    items.push({ href: paths.register.family, text: 'Tell us something' });
  }
  if (['parent', 'young-person', 'professional'].includes(actor.role)) {
    items.push({
      href: paths.plans.shared,
      text: actor.role === 'professional' ? 'Shared plans' : 'Your plan',
    });
  }
  const planReaders = [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ];
  if (planReaders.includes(actor.role)) {
    items.push({ href: paths.improvement.index, text: 'Improvement plan' });
  }
  if (actor.role === 'local-offer-editor' || actor.role === 'local-offer-provider') {
    items.push({ href: paths.localOffer.manage.services, text: 'Local Offer entries' });
  }
  if (actor.role === 'administrator') {
    items.push(
      { href: paths.admin.users, text: 'Users' },
      { href: paths.admin.audit, text: 'Audit log' },
      { href: paths.admin.outbox, text: 'Messages sent' },
      { href: paths.sso.providers, text: 'Single sign-on' },
      { href: paths.notices.rightsContacts, text: 'Rights contacts' },
      { href: paths.returns.sen2Import, text: 'Read in a SEN2 return' },
    );
  }
  const path = url.split('?')[0] ?? url;
  for (const item of items) {
    item.active = item.href === paths.home ? path === paths.home : path.startsWith(item.href);
  }
  return items;
}
