/**
 * Demo data of the embedded local system only (never deployed): a roster of enrolled candidates so
 * that 在籍考生认证 can be tried, and the demo admin's username. ID numbers are synthetic but valid
 * under GB 11643 (their check characters are right); they belong to nobody.
 */
import type { RosterEntry } from '../../functions/domain/identity/candidate.js';

/** Enrolled candidates seeded into the local roster. */
export const DEMO_ROSTER: readonly RosterEntry[] = [
  {
    idNumber: '140102199003071235',
    name: '王小明',
    ticketNumber: '010120100001',
    majors: ['020204', '080702'],
    pointId: 'taiyuan',
  },
  // Enrolled in 040112 小学教育 (停): may still choose that major.
  {
    idNumber: '140105199512120049',
    name: '李娜',
    ticketNumber: '010120100002',
    majors: ['040112'],
    pointId: 'taiyuan',
  },
  {
    idNumber: '650102199806150025',
    name: '阿依古丽·买买提',
    ticketNumber: '010120100003',
    majors: ['050201'],
    pointId: 'taiyuan',
  },
  { idNumber: '140202198801010032', name: '赵强', ticketNumber: '020120100004', majors: ['030106'], pointId: 'datong' },
  {
    idNumber: '140702199205200069',
    name: '陈静',
    ticketNumber: '070120100005',
    majors: ['020218'],
    pointId: 'jinzhong',
  },
];

/** Username of the demo admin (its password is generated per data folder and printed at start). */
export const DEMO_ADMIN_USERNAME = 'admin';
