import { describe, expect, it } from 'vitest';
import { csvCell } from '../../functions/app/staff-applications.js';

describe('CSV export cells', () => {
  it.each([
    ['张三', '张三'],
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+86', "'+86"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['退回，原因：a,b', '"退回，原因：a,b"'],
    ['\t140102199003071235', '\t140102199003071235'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
