import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../functions/domain/admin/roster-csv.js';
import { defaultCatalog } from '../../functions/domain/catalog/default.js';

const TODAY = new Date('2026-11-30T00:00:00Z');
const parseCsv = (csv: string) => parseRosterCsv(csv, defaultCatalog(), /^\d{12}$/, TODAY);

describe('roster CSV import', () => {
  it('accepts good rows, rejects bad ones with line numbers and reasons, skips the header and BOM', () => {
    const csv = [
      '\ufeff姓名,身份证号,准考证号,专业代码,确认点编号',
      '王小明,140102199003071235,010120100001,020204;080702,taiyuan',
      '李娜, 140105199512120049 ,０１０１２０１００００２,040112,',
      '赵 强,140202198801010032,020120100004,030106,datong',
      '陈静,140702199205200068,070120100005,020218,jinzhong',
      '"阿依古丽•买买提",650102199806150025,010120100003,050201、999999,',
      '刘一,110101199001011237,12345,020204,',
      '孙二,110105194912310020,010120100009,020204,nowhere',
    ].join('\r\n');
    const result = parseCsv(csv);
    expect(result.entries).toEqual([
      {
        idNumber: '140102199003071235',
        name: '王小明',
        ticketNumber: '010120100001',
        majors: ['020204', '080702'],
        pointId: 'taiyuan',
      },
      { idNumber: '140105199512120049', name: '李娜', ticketNumber: '010120100002', majors: ['040112'] },
    ]);
    expect(result.rejected).toEqual([
      { line: 4, reason: '姓名：姓名只能包含汉字、字母和间隔点“·”' },
      { line: 5, reason: '身份证号：身份证号校验位不正确，请逐位核对' },
      { line: 6, reason: '专业代码不存在：999999' },
      { line: 7, reason: '准考证号格式不正确' },
      { line: 8, reason: '身份证号：身份证号校验位不正确，请逐位核对' },
    ]);
  });

  it('keeps the last row of a repeated ID number (re-import is idempotent)', () => {
    const csv = '王小明,140102199003071235,010120100001,020204\n王小明,140102199003071235,010120100001,080702\n';
    expect(parseCsv(csv).entries).toEqual([
      { idNumber: '140102199003071235', name: '王小明', ticketNumber: '010120100001', majors: ['080702'] },
    ]);
  });

  it('refuses a ticket number already given to another ID number in the same file', () => {
    const csv = '王小明,140102199003071235,010120100001,020204\n李娜,140105199512120049,010120100001,040112\n';
    expect(parseCsv(csv)).toEqual({
      entries: [{ idNumber: '140102199003071235', name: '王小明', ticketNumber: '010120100001', majors: ['020204'] }],
      rejected: [{ line: 2, reason: '准考证号与第1行重复' }],
    });
  });

  it('reports a malformed file as one rejected row', () => {
    expect(parseCsv('王小明,"140102199003071235,010120100001,020204\n')).toEqual({
      entries: [],
      rejected: [{ line: 1, reason: 'CSV 格式错误（引号不匹配或换行错误），请检查文件' }],
    });
  });
});
