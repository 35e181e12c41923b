/**
 * Issue 17: real written statements of action often write the "overall impact of focus area" on each action's row,
 * differing from row to row. The import keeps every action with its own row's text (here) and the focus area keeps
 * every distinct text (improvement_focus_area.overall_impact). Actions saved before this migration have none.
 */
export const statements: string[] = [
  `alter table improvement_action add column overall_impact text not null default ''`,
];
